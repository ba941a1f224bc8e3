import { normalizeText } from '@parkbridge/domain/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termIn } from '../../../packages/domain/src/categories/glossary';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';

let rt: TestRuntime;
let token: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  token = await rt.login(rt.unique('reader'));
});
afterAll(() => rt.stop());

interface Node {
  code: string;
  level: string;
  parent: string | null;
  title: string;
  titles: Record<string, string>;
  hasChildren: boolean;
}

const get = (path: string) => rt.call('GET', path, { token });

/** Every page of a category list, following nextCursor. */
async function walk(query: string, limit: number) {
  const pages: Node[][] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`/v1/categories?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('GET /v1/categories', () => {
  it('pages through exactly the 21 ISIC sections, A to U, each once', async () => {
    const pages = await walk('', 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 1]);
    const codes = pages.flat().map((n) => n.code);
    expect(codes).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    expect(pages.flat().every((n) => n.level === 'section' && n.parent === null && n.hasChildren)).toBe(true);
  });

  it('lists the 24 manufacturing divisions under C in code order, over two default-size pages', async () => {
    const pages = await walk('parent=C', 20);
    expect(pages.map((p) => p.length)).toEqual([20, 4]);
    const codes = pages.flat().map((n) => n.code);
    expect(codes).toEqual(Array.from({ length: 24 }, (_, i) => String(10 + i)));
    expect(pages.flat().every((n) => n.level === 'division' && n.parent === 'C')).toBe(true);
  });

  it('lists the groups of division 25', async () => {
    const res = await get('/v1/categories?parent=25');
    expect(res.body.items.map((n: Node) => [n.code, n.level])).toEqual([
      ['251', 'group'],
      ['252', 'group'],
      ['259', 'group'],
    ]);
    expect(res.body.items[0].title).toBe(
      'Manufacture of structural metal products, tanks, reservoirs and steam generators',
    );
    expect(res.body.nextCursor).toBeNull();
  });

  it('lists the classes of a group as leaves', async () => {
    const res = await get('/v1/categories?parent=251');
    expect(res.body.items.map((n: Node) => n.code)).toEqual(['2511', '2512', '2513']);
    expect(res.body.items.every((n: Node) => n.level === 'class' && !n.hasChildren)).toBe(true);
  });

  it('titles nodes at every level in the requested language, with all five titles beside', async () => {
    const fa = await get('/v1/categories?parent=C&lang=fa&limit=1');
    expect(fa.body.items[0]).toMatchObject({ code: '10', title: 'ساخت محصولات غذایی' });
    const groups = await get('/v1/categories?parent=25&lang=mn');
    expect(groups.body.items[0]).toMatchObject({
      code: '251',
      title: 'Металл бүтээц, сав, нөөцлүүр, уурын генератор үйлдвэрлэл',
    });
    const classes = await get('/v1/categories?parent=241&lang=zh');
    expect(classes.body.items).toEqual([expect.objectContaining({ code: '2410', title: '基本钢铁的制造' })]);
    expect(Object.keys(classes.body.items[0].titles).sort()).toEqual(['en', 'fa', 'mn', 'vi', 'zh']);
  });

  it.each(termIn('steel'))(
    'finds the steel classes by their %s title "%s", each once',
    async (lang, word) => {
      const res = await get(`/v1/categories?lang=${lang}&q=${encodeURIComponent(word)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((n: Node) => n.code)).toEqual(['2431', '241', '2410']);
      // Titled in the language asked for, which names steel in its own word.
      for (const n of res.body.items as Node[]) expect(n.title).toContain(word);
    },
  );

  it('finds a title in another language than the one asked for', async () => {
    const res = await get(`/v1/categories?lang=en&q=${encodeURIComponent('فولاد')}`);
    expect(res.body.items.map((n: Node) => [n.code, n.title])).toEqual([
      ['2431', 'Casting of iron and steel'],
      ['241', 'Manufacture of basic iron and steel'],
      ['2410', 'Manufacture of basic iron and steel'],
    ]);
  });

  it('finds Persian typed with Arabic ي and ك and Vietnamese typed without diacritics alike', async () => {
    const codes = async (lang: string, q: string) =>
      (await get(`/v1/categories?lang=${lang}&q=${encodeURIComponent(q)}`)).body.items.map(
        (n: Node) => n.code,
      );
    expect(await codes('fa', 'ريخته‌گري آهن')).toEqual(await codes('fa', 'ریخته‌گری آهن'));
    expect(await codes('fa', 'كود')).toEqual(['2012', '201', '0891']);
    expect(await codes('vi', 'thep')).toEqual(await codes('vi', 'thép'));
    expect(await codes('vi', 'san xuat sat thep')).toEqual(['241', '2410']);
  });

  it('answers the best match first and pages through that order', async () => {
    const all = (await get(`/v1/categories?lang=fa&q=${encodeURIComponent('بیمه')}&limit=100`)).body.items;
    expect(all[0]).toMatchObject({ code: '651', title: 'بیمه' });
    const pages = await walk(`lang=fa&q=${encodeURIComponent('بیمه')}`, 4);
    expect(pages.flat().map((n) => n.code)).toEqual(all.map((n: Node) => n.code));
    const milk = (await get(`/v1/categories?lang=vi&q=${encodeURIComponent('sữa')}&limit=3`)).body.items;
    expect(milk.map((n: Node) => n.code)).toEqual(['105', '1050', '3312']);
  });

  it('finds Persian titles for a query typed with Arabic ي and ك', async () => {
    const query = 'كشاورزي';
    expect(query).not.toBe('کشاورزی');
    const res = await get(`/v1/categories?lang=fa&q=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    const codes = res.body.items.map((n: Node) => n.code);
    expect(codes).toContain('A');
    for (const n of res.body.items as Node[]) {
      expect(normalizeText(n.titles.fa ?? n.titles.en ?? '')).toContain(normalizeText('کشاورزی'));
    }
  });

  it('finds the same Persian nodes whichever letter forms the query uses', async () => {
    const codes = async (q: string) =>
      (await get(`/v1/categories?lang=fa&q=${encodeURIComponent(q)}`)).body.items.map((n: Node) => n.code);
    const persian = await codes('محصولات غذایی');
    expect(persian).toContain('10');
    expect(await codes('محصولات غذايي')).toEqual(persian);
  });

  it('finds English titles by words in any order and case', async () => {
    const res = await get('/v1/categories?q=METAL%20structural&limit=100');
    expect(res.body.items.map((n: Node) => n.code)).toEqual(expect.arrayContaining(['251', '2511']));
  });

  it('answers an empty page to a search with no match', async () => {
    const res = await get('/v1/categories?q=zzqqxx');
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 for the children of a well-formed code that does not exist', async () => {
    expect((await get('/v1/categories?parent=34')).status).toBe(404);
  });

  it.each(['Z', '1', '25111', 'c', '2a'])('answers 400 to an invalid parent %j', async (parent) => {
    const res = await get(`/v1/categories?parent=${parent}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.parent']);
  });

  it('answers 400 to an unknown language', async () => {
    expect((await get('/v1/categories?lang=fr')).status).toBe(400);
  });

  it('refuses a cursor from one parent’s list on another’s', async () => {
    const first = await get('/v1/categories?parent=C&limit=5');
    const res = await get(`/v1/categories?parent=A&limit=5&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('pagination.cursor_invalid');
  });

  it('requires a signed-in caller (401)', async () => {
    expect((await rt.call('GET', '/v1/categories')).status).toBe(401);
  });
});

describe('GET /v1/categories/{code}', () => {
  it('returns a class with its ancestors from the section down, titled in Persian', async () => {
    const res = await get('/v1/categories/2511?lang=fa');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: '2511',
      level: 'class',
      parent: '251',
      title: 'ساخت محصولات فلزی سازه‌ای',
    });
    expect(res.body.titles.en).toBe('Manufacture of structural metal products');
    expect(res.body.ancestors.map((a: Node) => a.code)).toEqual(['C', '25', '251']);
    expect(res.body.ancestors[0].title).toBe('صنعت (ساخت)');
    expect(res.body.ancestors[1].title).toBe('ساخت محصولات فلزی فابریکی، به‌جز ماشین‌آلات و تجهیزات');
  });

  it('returns a section with no ancestors', async () => {
    const res = await get('/v1/categories/C?lang=zh');
    expect(res.body).toMatchObject({ code: 'C', title: '制造业', ancestors: [] });
  });

  it.each(['9999', '34', '0000'])('answers 404 to the unknown code %s', async (code) => {
    const res = await get(`/v1/categories/${code}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each(['Z', 'abc', '25111', '2'])('answers 404 to the code that names no category %s', async (code) => {
    expect((await get(`/v1/categories/${code}`)).status).toBe(404);
  });
});
