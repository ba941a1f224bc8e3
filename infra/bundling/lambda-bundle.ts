import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import { REPO_ROOT, repoPath } from '../paths';

/**
 * How every Lambda bundle is built: one minified ESM file for Node.js 22 with an external source
 * map. ESM bundles of CommonJS dependencies need a `require`, which the banner provides. The SDK is
 * bundled rather than taken from the runtime: the versions the tests ran are the ones deployed.
 * The CDK construct, the bundle tests and the cold-start bench all build through here.
 */
export const LAMBDA_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  // esbuild's default escapes every non-ASCII character as \uXXXX (6 bytes); the ISIC titles in
  // Persian, Mongolian and Chinese take 2-3 bytes each in UTF-8, which Node reads natively.
  charset: 'utf8',
  sourcemap: 'external',
  sourcesContent: false,
  legalComments: 'none',
  tsconfig: repoPath('tsconfig.json'),
  absWorkingDir: REPO_ROOT,
  banner: {
    js: "import { createRequire as __pbCreateRequire } from 'node:module'; const require = __pbCreateRequire(import.meta.url);",
  },
  alias: {
    // Lambda's credentials are always in the environment: see lambda-credentials.ts.
    '@aws-sdk/credential-provider-node': repoPath('infra/bundling/lambda-credentials.ts'),
  },
  logLevel: 'error',
  metafile: true,
} satisfies BuildOptions;

/**
 * zod re-exports its error messages in 49 languages as `z.locales` (and `z.core.locales`), and
 * @hono/zod-openapi passes the whole `z` namespace to zod-to-openapi, so none of them can be
 * tree-shaken: 255 KiB of every bundle. The API answers in English (zod's default locale, which
 * zod imports on its own) and the web app translates by error code, so the barrel is emptied.
 */
export const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export interface LambdaBundleOptions {
  /** Also write the whole API's OpenAPI document beside the bundle (the function serving it). */
  openApiDocument?: boolean;
  /**
   * Leave out the two cuts above (zod's locales, the SDK's credential chain), as a build with
   * esbuild's usual options would: the cold-start bench's Express comparison. @default false
   */
  untuned?: boolean;
}

export interface LambdaBundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/** Bundles `entry` (relative to the repository) into `outDir`/index.mjs, as deployed. */
export async function bundleLambda(
  entry: string,
  outDir: string,
  options: LambdaBundleOptions = {},
): Promise<LambdaBundle> {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  const { alias, ...common } = LAMBDA_BUILD_OPTIONS;
  const result = await build({
    ...common,
    ...(options.untuned ? {} : { alias, plugins: [withoutZodLocales] }),
    entryPoints: [repoPath(entry)],
    outfile: file,
  });
  if (options.openApiDocument) {
    const { openApiDocument } = await import('./openapi-document');
    writeFileSync(join(outDir, 'openapi.json'), JSON.stringify(openApiDocument()));
  }
  const output = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('index.mjs'));
  if (!output) throw new Error(`esbuild wrote no index.mjs for ${entry}`);
  return { file, bytes: output[1].bytes, metafile: result.metafile };
}
