// Run by the CDK's local bundling in a child process (esbuild plugins need its async API):
//   node --import tsx infra/bundling/bundle-cli.ts <entry> <outDir> [--openapi]
import { bundleLambda } from './lambda-bundle';

const [entry, outDir, ...flags] = process.argv.slice(2);
if (!entry || !outDir) {
  console.error('usage: bundle-cli.ts <entry> <outDir> [--openapi]');
  process.exit(2);
}
const bundle = await bundleLambda(entry, outDir, { openApiDocument: flags.includes('--openapi') });
console.log(`${entry}: ${(bundle.bytes / 1024).toFixed(0)} KiB`);
