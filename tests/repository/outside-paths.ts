import { dirname, isAbsolute, join, relative } from 'node:path';

/**
 * Finds what in a file's text points outside the repository: a relative path that climbs above
 * the repository's root from where the file sits, or an absolute path into a folder of the machine
 * (a home, a workspace, a mount). It reads text, so a path put together at run time from pieces
 * ('..', 'shared') slips through; CI's run of a fresh clone (.ci/run) is the net for those.
 */
export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  why: string;
}

/**
 * Top-level folders where a checkout, a home or someone's data lives. `/dev`, `/run`, `/sys` and
 * `/proc` are left out: they hold no one's files, and `/dev/...` is also an API path (/v1/dev/login).
 */
const MACHINE_FOLDERS = [
  'home',
  'root',
  'work',
  'workspace',
  'Users',
  'Volumes',
  'mnt',
  'media',
  'opt',
  'srv',
  'var',
  'tmp',
  'usr',
  'etc',
  'private',
  'nix',
];

/** Absolute paths every Linux machine has, each with the reason it may appear. Keep this short. */
export const STANDARD_PATHS: readonly { folder: string; why: string }[] = [
  { folder: '/usr/bin', why: "system programs: a shebang's /usr/bin/env, Debian's chromium" },
  { folder: '/bin', why: 'system programs (/bin/sh)' },
  { folder: '/tmp', why: "the machine's temporary folder" },
  { folder: '/var/task', why: "where AWS Lambda unpacks a function's code: a path inside Lambda" },
];
const isStandard = (path: string) =>
  STANDARD_PATHS.some(({ folder }) => path === folder || path.startsWith(`${folder}/`));

/**
 * Text that names such a path on purpose, file by file. Both are tests that plant or look for a
 * server path to prove no response leaks one.
 */
export const PLANTED: readonly { file: string; text: string }[] = [
  { file: 'tests/integration/foundation/errors.int.test.ts', text: '/srv/parkbridge/park.service.ts' },
  { file: 'tests/security/support/fuzz/check.ts', text: String.raw`/\/work\/|\/home\/|\/var\/task/` },
];

const ABSOLUTE = new RegExp(
  // Not after a word, a dot or a slash: /v1/parks in a URL or after a host is no file path.
  String.raw`(?<![\w.~/-])/(?:${MACHINE_FOLDERS.join('|')})(?![\w.-])(?:/[^\s'"\`)\]}>,;]*)?`,
  'g',
);
const WINDOWS = /(?<![\w\\])[A-Za-z]:\\{1,2}[\w.][^\s'"`)\]}>,;]*/g;
const CLIMB = /(?:\.\.\/)+[^\s'"`)\]}>,;]*/g;

export function outsideReferences(file: string, content: string, root: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const planted = PLANTED.filter((p) => p.file === file).map((p) => p.text);
  const lines = content.split('\n');
  lines.forEach((raw, i) => {
    // A file:// URL is a path too: file:///home/x reads as /home/x.
    const line = planted.reduce((l, text) => l.replaceAll(text, ''), raw).replaceAll('file://', ' ');
    const report = (text: string, why: string) => found.push({ file, line: i + 1, text, why });
    for (const m of line.matchAll(ABSOLUTE)) {
      const path = m[0];
      if (!isStandard(path)) report(path, 'an absolute path on one machine');
    }
    for (const m of line.matchAll(WINDOWS)) report(m[0], 'an absolute Windows path');
    for (const m of line.matchAll(CLIMB)) {
      const target = join(root, dirname(file), m[0]);
      const inside = relative(root, target);
      if (inside.startsWith('..') || isAbsolute(inside)) report(m[0], 'climbs out of the repository');
    }
  });
  return found;
}
