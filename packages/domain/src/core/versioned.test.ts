import { describe, expect, it } from 'vitest';
import { etagOf, publicView, versionFromEtag } from './versioned';

describe('etagOf and versionFromEtag', () => {
  it('round-trip a version through a strong ETag', () => {
    expect(etagOf({ version: 7 })).toBe('"v7"');
    expect(versionFromEtag(etagOf({ version: 7 }))).toBe(7);
  });

  it('accept a weak tag and surrounding whitespace (proxies may weaken tags)', () => {
    expect(versionFromEtag('W/"v3"')).toBe(3);
    expect(versionFromEtag('  "v3" ')).toBe(3);
  });

  it('mean "no precondition" when the header is absent', () => {
    expect(versionFromEtag(undefined)).toBeUndefined();
    expect(versionFromEtag('')).toBeUndefined();
  });

  it('treat If-Match: * as no version constraint (RFC 9110: any current representation matches)', () => {
    expect(versionFromEtag('*')).toBeUndefined();
    expect(versionFromEtag(' * ')).toBeUndefined();
  });

  it.each(['v3', '"3"', '"v"', '"v3', '"vx"', '**', '"v-1"', '"V3"'])(
    'mark a malformed tag %j as -1, which never matches a stored version',
    (tag) => {
      expect(versionFromEtag(tag)).toBe(-1);
    },
  );
});

describe('publicView', () => {
  it('drops the audit head and keeps the version (the ETag clients see)', () => {
    expect(publicView({ parkId: 'p', version: 2, auditHash: 'abc' })).toEqual({ parkId: 'p', version: 2 });
  });
});
