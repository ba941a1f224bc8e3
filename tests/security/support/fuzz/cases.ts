import fc from 'fast-check';
import { type ApiRoute, fillPath, type OpenApiDocument } from '../openapi';
import type { RouteCase } from '../routes';
import {
  deeplyNested,
  FORBIDDEN_FIELDS,
  fromSchema,
  hostileNumber,
  hostileString,
  hostileValue,
} from './arbitraries';

/** One request as sent: everything as text, so malformed bodies and headers can be sent too. */
export interface FuzzCase {
  kind: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The status a refusal of the case must have, whatever else is wrong (the order of checks). */
  expect?: number;
}

type Path = (string | number)[];

/** Every place in a JSON value that can be replaced (objects' keys, arrays' indexes). */
function placesIn(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (at.length) out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placesIn(v, [...at, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...at, k], out);
  return out;
}

function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head] = setAt(copy[head], rest, next);
  return copy;
}

function dropAt(value: unknown, path: Path): unknown {
  if (path.length === 1) {
    const [head] = path as [string | number];
    if (Array.isArray(value)) return value.filter((_, i) => i !== head);
    const { [head]: _drop, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head] = dropAt(copy[head], rest);
  return copy;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** A JSON text with a raw value spliced in (JSON.stringify cannot write 1e999 or duplicate keys). */
const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '42',
  '1e999',
  '{"quantity":1e999,"amount":-1e999}',
  '{"__proto__":{"isAdmin":true,"status":"open"}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"status":"open","status":"awarded"}',
  '\uFEFF{}',
  "{'single':'quotes'}",
  '{"a":1}garbage',
  `{"a":"${'\\u0000'.repeat(50)}"}`,
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"big":"${'x'.repeat(70 * 1024)}"}`,
];

export interface CaseInputs {
  route: ApiRoute;
  doc: OpenApiDocument;
  /** The route's happy-path request: the ids and body the fuzzer starts from. */
  base: RouteCase;
  token: string | undefined;
  /** Ids of things that exist but belong to someone else, for path parameters. */
  foreignIds: string[];
}

export function caseArbitrary(inputs: CaseInputs): fc.Arbitrary<FuzzCase> {
  const { route, doc, base, token } = inputs;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const queryParams = route.params.filter((p) => p.in === 'query');
  const pathParams = route.params.filter((p) => p.in === 'path');
  const json = (_body?: unknown) => ({ 'content-type': 'application/json', ...auth, ...base.headers });
  const url = (params = base.params ?? {}, query: string | undefined = qs(base.query)) => {
    const path = fillPathRaw(route.path, params);
    return query ? `${path}?${query}` : path;
  };
  const baseBody = base.body ?? {};

  const arbs: { weight: number; arbitrary: fc.Arbitrary<FuzzCase> }[] = [];

  if (route.body) {
    const bodySchema = route.body.schema;
    // Bodies the schema allows: they get past validation into the services.
    arbs.push({
      weight: 3,
      arbitrary: fromSchema(bodySchema, doc.deref).map((b) => ({
        kind: 'schema body',
        url: url(),
        headers: json(b),
        body: JSON.stringify(b),
      })),
    });
    const places = placesIn(baseBody);
    if (places.length) {
      // One field of the valid body replaced by something hostile or of the wrong type.
      arbs.push({
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...places), hostileValue).map(([at, v]) => ({
          kind: `body.${at.join('.')} = hostile`,
          url: url(),
          headers: json(null),
          body: JSON.stringify(setAt(baseBody, at, v)),
        })),
      });
      arbs.push({
        weight: 1,
        arbitrary: fc.constantFrom(...places).map((at) => ({
          kind: `body.${at.join('.')} dropped`,
          url: url(),
          headers: json(null),
          body: JSON.stringify(dropAt(baseBody, at)),
        })),
      });
      // Money as a float, quantities and prices out of range.
      const numeric = places.filter((p) => typeof valueAt(baseBody, p) === 'number');
      if (numeric.length) {
        arbs.push({
          weight: 2,
          arbitrary: fc.tuple(fc.constantFrom(...numeric), hostileNumber).map(([at, n]) => ({
            kind: `body.${at.join('.')} = ${n}`,
            url: url(),
            headers: json(null),
            body: JSON.stringify(setAt(baseBody, at, n)),
          })),
        });
      }
    }
    // Mass assignment: fields a client may not set, at the top or inside a nested object.
    const objects: Path[] = [[], ...places.filter((p) => isObject(valueAt(baseBody, p)))];
    arbs.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom(...FORBIDDEN_FIELDS),
          fc.oneof(
            fc.constantFrom('open', 'awarded', 'confirmed', 'operator', 0, 999, true),
            fc.constantFrom(...inputs.foreignIds, 'org_X'),
          ),
        )
        .map(([at, field, v]) => {
          const target = at.length ? valueAt(baseBody, at) : baseBody;
          const next = isObject(target)
            ? setAt(baseBody, [...at, field], v)
            : { ...(baseBody as object), [field]: v };
          return {
            kind: `extra field ${[...at, field].join('.')}`,
            url: url(),
            headers: json(null),
            body: JSON.stringify(next),
          };
        }),
    });
    // The whole body replaced: wrong shapes, deep nesting.
    arbs.push({
      weight: 1,
      arbitrary: fc
        .oneof(
          hostileValue,
          fc.constantFrom(deeplyNested(2000, 'array'), deeplyNested(1000, 'object'), [baseBody]),
        )
        .map((b) => ({
          kind: 'whole body hostile',
          url: url(),
          headers: json(null),
          body: JSON.stringify(b),
        })),
    });
    // Bodies JSON.stringify cannot write, and the wrong media types.
    arbs.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...RAW_BODIES),
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/json; charset=utf-16',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            '',
          ),
        )
        .map(([body, type]) => ({
          kind: `raw body (${type || 'no type'})`,
          url: url(),
          headers: { ...(type ? { 'content-type': type } : {}), ...auth, ...base.headers },
          body,
        })),
    });
  }

  // Percent-encoding that does not decode, in the path and in the query.
  arbs.push({
    weight: 1,
    arbitrary: fc
      .constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%C0%AE%C0%AE', '%F0%9F%92')
      .chain((bad) =>
        fc.constantFrom(
          pathParams.length
            ? fillPathRaw(route.path, {
                ...Object.fromEntries(pathParams.map((p) => [p.name, 'ID'])),
                ...base.params,
              }).replace(encodeURIComponent(String(base.params?.[pathParams[0]!.name] ?? 'ID')), bad)
            : `${route.path}/${bad}`,
          `${url()}${url().includes('?') ? '&' : '?'}cursor=${bad}&limit=${bad}`,
        ),
      )
      .map((raw) => ({
        kind: 'malformed percent-encoding',
        url: raw,
        headers: route.body ? json() : { ...auth, ...base.headers },
        ...(route.body ? { body: JSON.stringify(baseBody) } : {}),
      })),
  });

  if (pathParams.length) {
    // A path parameter replaced: hostile text, ids that do not exist, other organisations' ids.
    arbs.push({
      weight: route.mutates ? 1 : 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...pathParams.map((p) => p.name)),
          fc.oneof(
            hostileString,
            fc.constantFrom(
              ...inputs.foreignIds,
              'need_00000000000000000000000000',
              'x',
              '..',
              '.',
              '%2F',
              ' ',
            ),
          ),
        )
        .map(([name, v]) => ({
          kind: `path {${name}} hostile`,
          url: url({ ...base.params, [name]: v }),
          headers: route.body ? json(null) : { ...auth, ...base.headers },
          ...(route.body ? { body: JSON.stringify(baseBody) } : {}),
        })),
    });
  }

  if (pathParams.length && token) {
    // The order of checks: a path naming nothing is refused with 404 whatever else is wrong with
    // the request (its body, its If-Match, its query), never 400, 412 or 422.
    const unknown = Object.fromEntries(
      pathParams.map((p) => [p.name, unknownLike(String(base.params?.[p.name] ?? 'x'))]),
    );
    arbs.push({
      weight: 2,
      arbitrary: fc
        .record({
          body: route.body ? fc.oneof(hostileValue, fc.constant(baseBody)) : fc.constant(undefined),
          ifMatch: fc.constantFrom(undefined, '"garbage"', '"v0"', '*'),
          limit: fc.constantFrom(undefined, '0', 'x'),
        })
        .map(({ body, ifMatch, limit }) => ({
          kind: 'unknown path ids, hostile input',
          url: url(unknown, limit ? `limit=${limit}` : qs(base.query)),
          headers: {
            ...(route.body ? json(null) : { ...auth, ...base.headers }),
            ...(ifMatch ? { 'if-match': ifMatch } : {}),
          },
          ...(route.body ? { body: JSON.stringify(body) } : {}),
          expect: 404,
        })),
    });
  }

  // Query strings: from the schema, hostile values, unknown and repeated parameters, forged cursors.
  const queryValue = (schema: Record<string, unknown>) =>
    fc.oneof(
      fromSchema(schema, doc.deref).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      hostileString,
      hostileNumber.map(String),
      fc.base64String({ maxLength: 400 }),
    );
  const queryArb = fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.constantFrom(...queryParams.map((p) => p.name), 'limit', 'cursor', 'unknown', 'status', 'orgId'),
          fc.string(),
        ),
        {
          maxLength: 4,
        },
      ),
      ...queryParams.map((p) => fc.option(queryValue(p.schema), { nil: undefined })),
    )
    .map(([extra, ...values]) => {
      const q = new URLSearchParams(base.query ?? {});
      queryParams.forEach((p, i) => {
        const v = values[i];
        if (v !== undefined) q.set(p.name, v as string);
      });
      for (const [k, v] of extra) q.append(k, v);
      return q.toString();
    });
  arbs.push({
    weight: route.mutates ? 1 : 4,
    arbitrary: queryArb.map((query) => ({
      kind: 'query hostile',
      url: url(base.params, query),
      headers: route.body ? json(null) : { ...auth, ...base.headers },
      ...(route.body ? { body: JSON.stringify(baseBody) } : {}),
    })),
  });

  // Headers: forged If-Match and Idempotency-Key, and forged or missing tokens.
  arbs.push({
    weight: 1,
    arbitrary: fc
      .record({
        ifMatch: fc.option(
          fc.oneof(hostileString, fc.constantFrom('*', 'W/"1"', '"-1"', '"999999999999999999999"', '""')),
          { nil: undefined },
        ),
        idem: fc.option(
          fc.oneof(hostileString.filter(isHeaderSafe), fc.constantFrom('k'.repeat(129), 'a b')),
          { nil: undefined },
        ),
        authorization: fc.option(
          fc.constantFrom(
            'Bearer ',
            'Bearer x.y.z',
            'Basic dXNlcjpwYXNz',
            `Bearer ${token ?? ''}x`,
            'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          ),
          { nil: undefined },
        ),
      })
      .map(({ ifMatch, idem, authorization }) => {
        const headers: Record<string, string> = { ...(route.body ? json(null) : auth), ...base.headers };
        if (ifMatch !== undefined && isHeaderSafe(ifMatch)) headers['if-match'] = ifMatch;
        if (idem !== undefined) headers['idempotency-key'] = idem;
        if (authorization !== undefined) headers.authorization = authorization;
        return {
          kind: 'headers hostile',
          url: url(),
          headers,
          ...(route.body ? { body: JSON.stringify(baseBody) } : {}),
        };
      }),
  });

  return fc.oneof(...arbs);
}

/** An id shaped like `id` (its prefix kept, the rest zeros) that names nothing. */
function unknownLike(id: string): string {
  const prefix = /^[a-z]+_/.exec(id)?.[0] ?? '';
  return `${prefix}${id.slice(prefix.length).replace(/[A-Za-z0-9]/g, '0')}`;
}

/** HTTP header values cannot carry control characters or non-Latin-1 text (fetch refuses them). */
const isHeaderSafe = (v: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v);

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<any>((v, k) => (v == null ? undefined : v[k]), value);
}

const qs = (query: Record<string, string> | undefined) =>
  query && Object.keys(query).length ? new URLSearchParams(query).toString() : undefined;

/** As fillPath, but keeps hostile values hostile (only what would break the URL is encoded). */
function fillPathRaw(path: string, params: Record<string, string>): string {
  try {
    return fillPath(path, params);
  } catch {
    return path;
  }
}
