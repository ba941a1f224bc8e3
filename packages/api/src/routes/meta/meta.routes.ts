import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';

/** Where the interactive reference loads its assets: the local server and CloudFront serve them. */
const DOCS_ASSETS = '/docs-assets';

export function metaRoutes() {
  const router = new Hono<AppEnv>();
  router.get('/health', (c) => c.json({ status: 'ok' }, 200));
  router.get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Parkbridge API reference</title>
  <link rel="stylesheet" href="${DOCS_ASSETS}/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="${DOCS_ASSETS}/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`),
  );
  // Kept out of the page so a strict Content-Security-Policy needs no inline script.
  router.get('/docs/init.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(
      "window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true, persistAuthorization: true });",
    );
  });
  return router;
}
