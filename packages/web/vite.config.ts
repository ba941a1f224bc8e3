import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const INITIAL_JS_BUDGET_KB = 250;
const CATALOGUE = /^(en|fa|mn|vi|zh)$/;

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  code?: string;
  modules?: Record<string, { renderedLength: number }>;
}

/**
 * Prints the JavaScript a first visit downloads, gzipped: the entry chunk, everything it imports
 * statically, and the largest language catalogue (loaded before the first render). Fails the
 * build above the budget: a slow connection pays for every kilobyte before the first screen.
 * Lazy route chunks are listed apart.
 */
function bundleBudget(budgetKb: number): Plugin {
  return {
    name: 'parkbridge-bundle-budget',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, ChunkLike>();
      for (const item of Object.values(bundle) as ChunkLike[]) {
        if (item.type === 'chunk') chunks.set(item.fileName, item);
      }
      const gz = (c: ChunkLike) => gzipSync(c.code ?? '', { level: 9 }).length;
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
      };
      for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
      const entryBytes = [...initial].reduce((sum, n) => sum + gz(chunks.get(n) as ChunkLike), 0);
      const catalogues = [...chunks.values()].filter((c) => CATALOGUE.test(c.name ?? ''));
      const catalogueBytes = Math.max(0, ...catalogues.map(gz));
      const initialBytes = entryBytes + catalogueBytes;
      const lazy = [...chunks.values()].filter((c) => !initial.has(c.fileName) && !catalogues.includes(c));
      const lazyBytes = lazy.reduce((sum, c) => sum + gz(c), 0);
      const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      console.log(
        `\n[bundle] initial JavaScript: ${kb(initialBytes)} gzipped (budget ${budgetKb} KB): ` +
          `${initial.size} app file(s) ${kb(entryBytes)} + one language catalogue ${kb(catalogueBytes)}` +
          `\n[bundle] lazy chunks: ${lazy.length}, ${kb(lazyBytes)} gzipped in all, largest ${kb(Math.max(0, ...lazy.map(gz)))}`,
      );
      if (process.env.PARKBRIDGE_BUNDLE_DETAIL) {
        // Which packages the first visit pays for, by rendered (minified, not gzipped) size.
        const byPackage = new Map<string, number>();
        for (const name of initial) {
          for (const [id, m] of Object.entries(chunks.get(name)?.modules ?? {})) {
            const pkg =
              process.env.PARKBRIDGE_BUNDLE_DETAIL === 'modules'
                ? id.replace(/.*node_modules\//, '')
                : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? 'app');
            byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + m.renderedLength);
          }
        }
        for (const [pkg, bytes] of [...byPackage]
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.PARKBRIDGE_BUNDLE_TOP ?? 12))) {
          console.log(`[bundle]   ${pkg.padEnd(28)} ${kb(bytes)} before minifying`);
        }
      }
      if (initialBytes > budgetKb * 1024) {
        this.error(`Initial JavaScript is ${kb(initialBytes)} gzipped, over the ${budgetKb} KB budget.`);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), bundleBudget(INITIAL_JS_BUDGET_KB)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev -w @parkbridge/web` next to `npm start`: the API stays on its own port.
    proxy: { '/v1': 'http://localhost:3000' },
  },
});
