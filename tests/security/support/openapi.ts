/**
 * The routes of the live OpenAPI document (GET /openapi.json, generated from the zod schemas that
 * validate requests): the cost table, the authorisation matrix and the fuzzer are all driven by
 * it, so a route that lands later is covered, or named as unclassified, without anyone's help.
 */

export type JsonSchema = Record<string, any>;

export interface RouteParam {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface ApiRoute {
  key: RouteKey;
  method: string;
  /** The OpenAPI path, `/v1/slots/{slotId}/hold`. */
  path: string;
  summary: string;
  secured: boolean;
  params: RouteParam[];
  body: { required: boolean; schema: JsonSchema } | null;
  /** Accepts Idempotency-Key: a creating call. */
  creates: boolean;
  /** Any method but GET and HEAD. */
  mutates: boolean;
  statuses: number[];
  /** The person roles the route admits (`x-person-roles`); null when it does not say. */
  personRoles: string[] | null;
}

/** `POST /v1/slots/{slotId}/hold` */
export type RouteKey = `${string} /${string}`;

export interface OpenApiDocument {
  raw: JsonSchema;
  routes: Record<RouteKey, ApiRoute>;
  /** Resolves `$ref`s against the document's components. */
  deref(schema: JsonSchema | undefined): JsonSchema;
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}` as RouteKey;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function readOpenApi(raw: JsonSchema): OpenApiDocument {
  const deref = (schema: JsonSchema | undefined): JsonSchema => {
    let s = schema ?? {};
    for (let i = 0; i < 20 && typeof s.$ref === 'string'; i++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = raw.components?.schemas?.[name];
      if (!target) throw new Error(`Unresolved $ref ${s.$ref}`);
      const { $ref: _ref, ...rest } = s;
      s = { ...target, ...rest };
    }
    return s;
  };
  const routes: Record<RouteKey, ApiRoute> = {};
  for (const [path, ops] of Object.entries<JsonSchema>(raw.paths ?? {})) {
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const params: RouteParam[] = (op.parameters ?? []).map((p: JsonSchema) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        schema: p.schema ?? {},
      }));
      const content = op.requestBody?.content?.['application/json'];
      const key = routeKey(method, path);
      routes[key] = {
        key,
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        secured: Array.isArray(op.security) && op.security.length > 0,
        params,
        body: content ? { required: Boolean(op.requestBody.required), schema: content.schema ?? {} } : null,
        creates: params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
        mutates: method !== 'get',
        statuses: Object.keys(op.responses ?? {})
          .map(Number)
          .filter(Number.isFinite),
        personRoles: Array.isArray(op['x-person-roles']) ? op['x-person-roles'] : null,
      };
    }
  }
  return { raw, routes, deref };
}

/** The document the app serves. */
export async function fetchOpenApi(app: { request: (path: string) => Response | Promise<Response> }) {
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return readOpenApi(await res.json());
}

/** Fills `{name}` segments with values (URL-encoded). */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

export const pathParamNames = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
