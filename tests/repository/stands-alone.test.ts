import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outsideReferences } from './outside-paths';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The scanner and this test name the very patterns they look for. */
const SELF = ['tests/repository/outside-paths.ts', 'tests/repository/stands-alone.test.ts'];

/** Every file git tracks or would add (untracked, not ignored), as a fresh clone would have it. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))];
}

const scan = (file: string, text: string) => outsideReferences(file, text, ROOT);

describe('the repository stands alone', () => {
  it('has no file that refers to a path outside the repository', () => {
    const files = repositoryFiles().filter((f) => !SELF.includes(f) && existsSync(`${ROOT}${f}`));
    expect(files.length).toBeGreaterThan(500);
    const found = files.flatMap((file) => {
      const bytes = readFileSync(`${ROOT}${file}`);
      return bytes.includes(0) ? [] : scan(file, bytes.toString('utf8'));
    });
    const list = found.map((r) => `  ${r.file}:${r.line}  ${r.text}  (${r.why})`).join('\n');
    expect(
      found,
      `Files refer to paths outside the repository; a fresh clone has nothing beside it:\n${list}\n` +
        'Bring what the project reads into the repository. A path every Linux machine has belongs in ' +
        'STANDARD_PATHS (tests/repository/outside-paths.ts), with its reason.',
    ).toEqual([]);
  });
});

describe('outsideReferences', () => {
  const texts = (file: string, text: string) => scan(file, text).map((r) => r.text);

  it('finds relative paths that climb above the root, from where the file sits', () => {
    const test = 'packages/domain/src/categories/category.test.ts';
    // A sibling folder of the checkout, whatever its name: nobody who clones the project has it.
    expect(texts(test, "new URL('../../../../../sibling-project/list.csv', import.meta.url)")).toEqual([
      '../../../../../sibling-project/list.csv',
    ]);
    expect(texts('README.md', 'see [the data](../sibling-project/SOURCES.md)')).toEqual([
      '../sibling-project/SOURCES.md',
    ]);
    expect(texts(test, "import { Text } from '../shared/locale';")).toEqual([]);
    expect(texts('docs/data-model/bids.md', '[model](../data-model.md)')).toEqual([]);
  });

  it('finds absolute paths into a home, a workspace or a mount, on Unix and Windows', () => {
    expect(texts('docs/x.md', 'read /work/notes/API.md first')).toEqual(['/work/notes/API.md']);
    expect(texts('a.ts', "const dir = '/home/ana/parkbridge-data';")).toEqual(['/home/ana/parkbridge-data']);
    expect(texts('a.ts', '`/root/.cache` and file:///Users/ana/x')).toEqual(['/root/.cache', '/Users/ana/x']);
    expect(texts('a.ts', "const p = 'C:\\\\Users\\\\ana';")).toEqual(['C:\\\\Users\\\\ana']);
  });

  it('leaves API paths, URLs and standard system paths alone', () => {
    expect(texts('a.ts', "app.get('/v1/dev/login'); fetch('https://example.com/home/work/x')")).toEqual([]);
    expect(texts('a.ts', "path: '/var/tasks-of-mine' vs '/workflow'")).toEqual(['/var/tasks-of-mine']);
    expect(texts('a.sh', '#!/usr/bin/env bash\nexec /bin/sh -c true > /tmp/log')).toEqual([]);
    expect(texts('a.ts', "executablePath: '/usr/bin/chromium'; cwd: '/var/task'")).toEqual([]);
    expect(texts('a.ts', 'x = y / home / 2; a/home/b; ~/home')).toEqual([]);
  });

  it('lets only the planted file keep its planted text', () => {
    const planted = "new Error('boom secret at /srv/parkbridge/park.service.ts:42')";
    expect(texts('tests/integration/foundation/errors.int.test.ts', planted)).toEqual([]);
    expect(texts('tests/integration/other.int.test.ts', planted)).toEqual([
      '/srv/parkbridge/park.service.ts:42',
    ]);
  });
});
