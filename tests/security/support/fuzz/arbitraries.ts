import fc from 'fast-check';
import type { JsonSchema } from '../openapi';

type Deref = (s: JsonSchema | undefined) => JsonSchema;

const MAX_STRING = 60;
const MAX_ITEMS = 4;

/**
 * Values that a JSON Schema (the OpenAPI document's, generated from the zod schemas) accepts,
 * as far as the schema says: refinements that live only in code (an end after a start, a
 * radius only with scope "radius") are not in it, so some of these are still refused — which is
 * what a fuzzer wants anyway.
 */
export function fromSchema(schema: JsonSchema | undefined, deref: Deref, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(schema);
  if (depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (Array.isArray(options) && options.length) {
    return fc.oneof(...options.map((o: JsonSchema) => fromSchema(o, deref, depth + 1)));
  }
  if (Array.isArray(s.allOf) && s.allOf.length)
    return fromSchema({ ...s.allOf[0], ...omit(s, 'allOf') }, deref, depth);
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((t: string) => fromSchema({ ...s, type: t }, deref, depth)));
  }
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integer(s);
    case 'number':
      return fc.oneof(integer(s), number(s));
    case 'string':
      return string(s);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(fromSchema(s.items, deref, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    }
    case 'object':
      return object(s, deref, depth);
    default:
      return s.properties ? object(s, deref, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}

function object(s: JsonSchema, deref: Deref, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries<JsonSchema>(s.properties ?? {});
  if (!props.length) {
    return s.additionalProperties && s.additionalProperties !== true
      ? fc.dictionary(fc.string({ maxLength: 10 }), fromSchema(s.additionalProperties, deref, depth + 1), {
          maxKeys: 3,
        })
      : fc.constant({});
  }
  const model = Object.fromEntries(props.map(([k, v]) => [k, fromSchema(v, deref, depth + 1)]));
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in model) });
}

function bounds(s: JsonSchema, fallback: [number, number]): [number, number] {
  const min =
    s.minimum ??
    (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (s.type === 'integer' ? 1 : 1e-3) : fallback[0]);
  const max =
    s.maximum ??
    (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (s.type === 'integer' ? 1 : 1e-3) : fallback[1]);
  return [Math.max(min, -Number.MAX_SAFE_INTEGER), Math.min(max, Number.MAX_SAFE_INTEGER)];
}

function integer(s: JsonSchema): fc.Arbitrary<number> {
  const [min, max] = bounds(s, [-1_000_000, 1_000_000]);
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  return fc.oneof(fc.integer({ min: lo, max: hi }), fc.constantFrom(lo, hi));
}

function number(s: JsonSchema): fc.Arbitrary<number> {
  const [min, max] = bounds(s, [-1e6, 1e6]);
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function string(s: JsonSchema): fc.Arbitrary<string> {
  const now = Date.UTC(2030, 0, 1);
  switch (s.format) {
    case 'date-time':
      return fc
        .integer({ min: now - 365 * 86_400_000, max: now + 365 * 86_400_000 })
        .map((t) => new Date(t).toISOString());
    case 'date':
      return fc
        .integer({ min: now - 365 * 86_400_000, max: now + 3650 * 86_400_000 })
        .map((t) => new Date(t).toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    case 'uri':
      return fc.webUrl().filter((u) => u.length <= (s.maxLength ?? 2000));
  }
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => fits(v, s));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain strings.
    }
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? MAX_STRING, MAX_STRING));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
  );
}

const fits = (v: string, s: JsonSchema) =>
  v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);

function omit(o: JsonSchema, key: string): JsonSchema {
  const { [key]: _drop, ...rest } = o;
  return rest;
}

// Hostile values: what a careless or malicious client sends.

const BIDI = ['\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u061C'];
const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u001B',
  '\u007F',
  '\r\n',
  '\u2028',
  '\u2029',
  '\uFEFF',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constant('x'.repeat(10_000)),
  fc.constant('💥'.repeat(2_500)),
  fc.constant(''),
  fc.constant('   '),
  fc.constantFrom(...BIDI).map((b) => `invoice${b}fdp.exe`),
  fc.constantFrom(...CONTROL).map((c) => `a${c}b`),
  fc.constantFrom('🏭', '👩🏽‍🏭', '🇮🇷🇲🇳🇻🇳', 'e\u0301\u0301\u0301', 'ﷺ', '𒐫'),
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style lookup is the payload
    '${jndi:ldap://x/a}',
    '{{7*7}}',
    '../../../../etc/passwd',
    '%00',
    '__proto__',
    'constructor',
    'NaN',
    'null',
    'undefined',
    'true',
    '-1',
    '1e309',
    '0x10',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ minLength: 65, maxLength: 400 }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.1,
    0.5,
    0.1 + 0.2,
    1.005,
    99.999,
    1e-7,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Nested `depth` levels deep, as arrays or objects. */
export const deeplyNested = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 1, arbitrary: fc.constantFrom(deeplyNested(100, 'array'), deeplyNested(100, 'object')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 30 }) },
);

/** Fields a client must never set: state, ownership, versions, identities. */
export const FORBIDDEN_FIELDS = [
  'status',
  'orgId',
  'ownerOrgId',
  'operatorOrgId',
  'supplierOrgId',
  'buyerOrgId',
  'sellerOrgId',
  'version',
  'createdAt',
  'updatedAt',
  'verifiedAt',
  'awardedBidId',
  'userId',
  'roles',
  'groups',
  'isAdmin',
  'needId',
  'bidId',
  'bookingId',
  'slotId',
  'pk',
  'sk',
  'ttl',
  '__proto__',
  'constructor',
] as const;
