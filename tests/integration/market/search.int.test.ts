import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../support/test-runtime';
import {
  createListing,
  createNeed,
  ESHTEHARD,
  listingBody,
  needBody,
  parkWithBuyer,
  publish,
} from './market-fixtures';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(() => rt.stop());

/** A park with a buyer and an approved supplier; each test searches within its own park. */
async function world() {
  const w = await parkWithBuyer(rt);
  const supplier = await rt.firm({
    kinds: ['supplier'],
    location: ESHTEHARD,
    approvedIn: { parkId: w.parkId, operatorToken: w.operator.token },
  });
  return { ...w, supplier };
}

async function openNeed(token: string, parkId: string, over: Record<string, unknown>) {
  const need = await createNeed(rt, token, needBody(parkId, over));
  await publish(rt, token, need.needId);
  return need.needId as string;
}

const ids = (res: { body: { items: any[] } }, key = 'needId') => res.body.items.map((i) => i[key]).sort();

describe('free-text search across scripts', () => {
  it('finds Persian text typed with Arabic letters, without ZWNJ or tashkil, and Persian digits as ASCII', async () => {
    const { parkId, buyer, supplier } = await world();
    const pipe = await openNeed(buyer.token, parkId, {
      title: 'لوله‌های فولادی بدون درز',
      description: 'قطر ۵۰ میلی‌متر',
    });
    const cake = await openNeed(buyer.token, parkId, { title: 'کیک و شیرینی', description: 'برای کارکنان' });
    const q = async (text: string) =>
      ids(
        await rt.call('GET', `/v1/needs?parkId=${parkId}&q=${encodeURIComponent(text)}`, {
          token: supplier.token,
        }),
      );
    expect(await q('لوله فولادي')).toEqual([pipe]);
    expect(await q('لولههای')).toEqual([pipe]);
    expect(await q('كيك')).toEqual([cake]);
    expect(await q('50')).toEqual([pipe]);
    expect(await q('کَیک')).toEqual([cake]);
    expect(await q('شیرینی فولادی')).toEqual([]);
  });

  it('finds Arabic text across teh marbuta, hamza forms and Arabic-Indic digits', async () => {
    const { parkId, buyer, supplier } = await world();
    const acid = await openNeed(buyer.token, parkId, {
      title: 'مادة كيميائية ٣٠٤',
      description: 'أنابيب وصمامات',
    });
    const q = async (text: string) =>
      ids(
        await rt.call('GET', `/v1/needs?parkId=${parkId}&q=${encodeURIComponent(text)}`, {
          token: supplier.token,
        }),
      );
    expect(await q('ماده')).toEqual([acid]);
    expect(await q('304')).toEqual([acid]);
    expect(await q('انابيب')).toEqual([acid]);
  });

  it('finds Vietnamese with or without diacritics, in any case', async () => {
    const { parkId, buyer, supplier } = await world();
    const steel = await openNeed(buyer.token, parkId, {
      title: 'Thép không gỉ SUS304',
      description: 'Ống đúc, Đông Anh',
    });
    const q = async (text: string) =>
      ids(
        await rt.call('GET', `/v1/needs?parkId=${parkId}&q=${encodeURIComponent(text)}`, {
          token: supplier.token,
        }),
      );
    expect(await q('thep khong gi')).toEqual([steel]);
    expect(await q('THÉP')).toEqual([steel]);
    expect(await q('dong anh')).toEqual([steel]);
    expect(await q('sus304')).toEqual([steel]);
  });

  it('finds Mongolian Cyrillic in any case and keeps ө and ү apart from о and у', async () => {
    const { parkId, buyer, supplier } = await world();
    const leather = await openNeed(buyer.token, parkId, {
      title: 'Арьс шир боловсруулах',
      description: 'Төмөр хоолой, үйлдвэрийн',
    });
    const q = async (text: string) =>
      ids(
        await rt.call('GET', `/v1/needs?parkId=${parkId}&q=${encodeURIComponent(text)}`, {
          token: supplier.token,
        }),
      );
    expect(await q('АРЬС')).toEqual([leather]);
    expect(await q('төмөр')).toEqual([leather]);
    expect(await q('томор')).toEqual([]);
    expect(await q('уйлдвэр')).toEqual([]);
  });

  it('applies the same folding to listings', async () => {
    const { parkId, supplier, buyer } = await world();
    const persian = await createListing(
      rt,
      supplier.token,
      listingBody({ parkId, title: 'ورق فولادی', description: 'ضخامت ۳ میلی‌متر' }),
    );
    const viet = await createListing(
      rt,
      supplier.token,
      listingBody({ parkId, title: 'Bao bì carton', description: 'Đóng gói' }),
    );
    const q = async (text: string) =>
      ids(
        await rt.call('GET', `/v1/listings?parkId=${parkId}&q=${encodeURIComponent(text)}`, {
          token: buyer.token,
        }),
        'listingId',
      );
    expect(await q('فولادي 3')).toEqual([persian.listingId]);
    expect(await q('dong goi')).toEqual([viet.listingId]);
  });
});

describe('filters', () => {
  it('treats a division or group as everything under it', async () => {
    const { parkId, buyer, supplier } = await world();
    const n2420 = await openNeed(buyer.token, parkId, { category: '2420' });
    const n2410 = await openNeed(buyer.token, parkId, { category: '2410' });
    const n2431 = await openNeed(buyer.token, parkId, { category: '2431' });
    await openNeed(buyer.token, parkId, { category: '2511' });
    const q = async (category: string) =>
      ids(await rt.call('GET', `/v1/needs?parkId=${parkId}&category=${category}`, { token: supplier.token }));
    expect(await q('24')).toEqual([n2410, n2420, n2431].sort());
    expect(await q('242')).toEqual([n2420]);
    expect(await q('243')).toEqual([n2431]);
    expect(await q('2420')).toEqual([n2420]);
    const unknown = await rt.call('GET', '/v1/needs?category=9999', { token: supplier.token });
    expect(unknown.status).toBe(400);
  });

  it('filters listings by kind and category together', async () => {
    const { parkId, supplier, buyer } = await world();
    const product = await createListing(rt, supplier.token, listingBody({ parkId, category: '2592' }));
    const capacity = await createListing(
      rt,
      supplier.token,
      listingBody({
        parkId,
        kind: 'capacity',
        category: '2592',
        unit: 'h',
        machineClass: 'CNC lathe',
        capacityPerPeriod: 120,
      }),
    );
    await createListing(
      rt,
      supplier.token,
      listingBody({ parkId, kind: 'service', category: '3312', unit: 'h' }),
    );
    const byKind = await rt.call('GET', `/v1/listings?parkId=${parkId}&kind=capacity`, {
      token: buyer.token,
    });
    expect(ids(byKind, 'listingId')).toEqual([capacity.listingId]);
    const byCategory = await rt.call('GET', `/v1/listings?parkId=${parkId}&category=25`, {
      token: buyer.token,
    });
    expect(ids(byCategory, 'listingId')).toEqual([product.listingId, capacity.listingId].sort());
    const market = await rt.call('GET', '/v1/listings?kind=capacity&category=2592&limit=100', {
      token: buyer.token,
    });
    expect(ids(market, 'listingId')).toContain(capacity.listingId);
    expect(ids(market, 'listingId')).not.toContain(product.listingId);
  });

  it('lists open needs by default, others by status, and drafts only with mine', async () => {
    const { parkId, buyer, supplier } = await world();
    const open = await openNeed(buyer.token, parkId, {});
    const draft = (await createNeed(rt, buyer.token, needBody(parkId))).needId;
    const cancelled = await openNeed(buyer.token, parkId, {});
    await rt.call('POST', `/v1/needs/${cancelled}/cancel`, { token: buyer.token, body: { reason: 'x' } });
    expect(ids(await rt.call('GET', `/v1/needs?parkId=${parkId}`, { token: supplier.token }))).toEqual([
      open,
    ]);
    expect(
      ids(await rt.call('GET', `/v1/needs?parkId=${parkId}&status=cancelled`, { token: supplier.token })),
    ).toEqual([cancelled]);
    expect(
      ids(await rt.call('GET', `/v1/needs?parkId=${parkId}&status=draft`, { token: buyer.token })),
    ).toEqual([]);
    expect(ids(await rt.call('GET', '/v1/needs?mine=true', { token: buyer.token }))).toEqual(
      [open, draft, cancelled].sort(),
    );
  });
});

describe('pagination', () => {
  it('walks every page once, with and without a text filter', async () => {
    const { parkId, buyer, supplier } = await world();
    const wanted: string[] = [];
    for (let i = 0; i < 7; i++)
      wanted.push(await openNeed(buyer.token, parkId, { title: `Copper cathode lot ${i}` }));
    for (let i = 0; i < 5; i++) await openNeed(buyer.token, parkId, { title: `Aluminium ingot lot ${i}` });

    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const path: string = `/v1/needs?parkId=${parkId}&limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await rt.call('GET', path, { token: supplier.token });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...res.body.items.map((n: any) => n.needId));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      return seen;
    };
    const all = await walk('');
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12);
    const copper = await walk('&q=copper');
    expect(copper.sort()).toEqual(wanted.sort());
  });

  it('refuses a tampered cursor and one from another list', async () => {
    const { parkId, buyer, supplier } = await world();
    for (let i = 0; i < 3; i++) await openNeed(buyer.token, parkId, {});
    const first = await rt.call('GET', `/v1/needs?parkId=${parkId}&limit=1`, { token: supplier.token });
    const cursor: string = first.body.nextCursor;
    const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'B' : 'A'}A`;
    expect(
      (
        await rt.call('GET', `/v1/needs?parkId=${parkId}&limit=1&cursor=${tampered}`, {
          token: supplier.token,
        })
      ).status,
    ).toBe(400);
    const other = await rt.call('GET', `/v1/needs?limit=1&cursor=${encodeURIComponent(cursor)}`, {
      token: supplier.token,
    });
    expect(other.status).toBe(400);
  });
});
