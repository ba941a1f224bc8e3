import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';

export const REPO = join(import.meta.dirname, '..', '..');

/** Every Lambda entry the CDK app bundles: each `entry: '<file>'` in infra/. */
export function lambdaEntries(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/entry:\s*'([^']+\.ts)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(join(REPO, 'infra'));
  return [...found].sort();
}

/**
 * esbuild options equal to infra's NodejsFunction bundling (infra/constructs/parkbridge-function.ts
 * BUNDLING): read from it, so a change there changes what is measured here.
 */
export async function infraBuildOptions(): Promise<BuildOptions> {
  const { BUNDLING } = await import('../../infra/constructs/parkbridge-function');
  return {
    bundle: true,
    platform: 'node',
    format: String(BUNDLING.format ?? 'cjs') as BuildOptions['format'],
    target: BUNDLING.target ?? 'node22',
    mainFields: BUNDLING.mainFields,
    minify: BUNDLING.minify ?? false,
    // NodejsFunction writes the map beside the bundle; only the bundle is loaded at cold start.
    sourcemap: BUNDLING.sourceMap ? 'external' : false,
    sourcesContent: BUNDLING.sourcesContent ?? true,
    external: [...(BUNDLING.externalModules ?? [])],
    ...(BUNDLING.banner ? { banner: { js: BUNDLING.banner } } : {}),
    ...(BUNDLING.define ? { define: BUNDLING.define } : {}),
    ...(BUNDLING.loader ? { loader: BUNDLING.loader as BuildOptions['loader'] } : {}),
    tsconfig: BUNDLING.tsconfig,
    logLevel: 'error',
    metafile: true,
  };
}

export interface BuiltBundle {
  entry: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  usesDynamoDb: boolean;
  /** The largest contributors, by package (or source folder), in bytes of output. */
  largest: [string, number][];
}

/** Bundles `entry` (relative to the repository) into `outDir` as infra would. */
export async function buildBundle(
  entry: string,
  outDir: string,
  options?: BuildOptions,
): Promise<BuiltBundle> {
  const base = options ?? (await infraBuildOptions());
  const file = join(outDir, `${entry.replace(/[/.]/g, '_')}.mjs`);
  const result = await build({ ...base, entryPoints: [join(REPO, entry)], outfile: file });
  const text = readFileSync(file);
  const inputs = Object.values(result.metafile?.outputs ?? {}).find((o) => o.entryPoint)?.inputs ?? {};
  const byPackage = new Map<string, number>();
  for (const [path, info] of Object.entries(inputs)) {
    const pkg =
      path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
      relative(REPO, path).split('/').slice(0, 3).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
  }
  return {
    entry,
    file,
    bytes: text.length,
    gzipBytes: gzipSync(text).length,
    // The DynamoDB client's protocol target prefix is in every bundle that can call DynamoDB.
    usesDynamoDb: text.includes('DynamoDB_20120810'),
    largest: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
