import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { Env, Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

async function serveFrom(root: string, relative: string): Promise<Response | null> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root) || !existsSync(path)) return null;
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' },
    });
  } catch {
    return null;
  }
}

/**
 * The web app and the API reference's assets on the API's port, as CloudFront serves them in
 * AWS: files when they exist, and index.html for the app's client-side routes.
 */
export function mountStaticFiles<E extends Env>(app: Hono<E>, webDist: string) {
  const require = createRequire(import.meta.url);
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/docs-assets/*', async (c, next) => {
    return (await serveFrom(swaggerDir, c.req.path.replace('/docs-assets/', ''))) ?? next();
  });
  const root = resolve(webDist);
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/v1/') || !existsSync(root)) return next();
    const file = await serveFrom(root, c.req.path === '/' ? 'index.html' : c.req.path);
    if (file) return file;
    if (extname(c.req.path)) return next();
    return (await serveFrom(root, 'index.html')) ?? next();
  });
}
