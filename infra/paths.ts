import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the Lambda entries and the lock file are found from here. */
export const REPO_ROOT = resolve(import.meta.dirname, '..');

export const repoPath = (...parts: string[]) => join(REPO_ROOT, ...parts);

/** The built web app; deployed only when it exists. */
export const WEB_DIST = repoPath('packages/web/dist');

/** swagger-ui-dist's files, served by CloudFront under /docs-assets/ for /docs. */
export const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
