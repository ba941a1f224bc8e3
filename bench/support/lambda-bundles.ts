import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleLambda, type LambdaBundleOptions } from '../../infra/bundling/lambda-bundle';

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

export interface BuiltBundle {
  entry: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  usesDynamoDb: boolean;
  /** The largest contributors, by package (or source folder), in bytes of output. */
  largest: [string, number][];
}

/** Bundles `entry` (relative to the repository) into its own folder of `outDir`, as infra does. */
export async function buildBundle(
  entry: string,
  outDir: string,
  options: LambdaBundleOptions = {},
): Promise<BuiltBundle> {
  const dir = join(outDir, entry.replace(/[/.]/g, '_'));
  const result = await bundleLambda(entry, dir, options);
  const text = readFileSync(result.file);
  const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  const byPackage = new Map<string, number>();
  for (const [path, info] of Object.entries(inputs)) {
    const pkg =
      path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
      // esbuild names inputs relative to its working directory, the repository.
      path.split('/').slice(0, 3).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
  }
  return {
    entry,
    file: result.file,
    bytes: text.length,
    gzipBytes: gzipSync(text).length,
    // The DynamoDB client's protocol target prefix is in every bundle that can call DynamoDB.
    usesDynamoDb: text.includes('DynamoDB_20120810'),
    largest: [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
