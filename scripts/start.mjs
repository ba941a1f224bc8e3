// `npm start`: check prerequisites, build the web app if it is missing, then run the local server
// directly under Node (not through npx), so that a signal reaches it and it stops DynamoDB Local.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureJava } from './prerequisites.mjs';

ensureJava();
if (!existsSync('packages/web/dist/index.html') && existsSync('packages/web/index.html')) {
  console.log('[start] building the web app once (npm run build -w @parkbridge/web)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@parkbridge/web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'functions/local/server.ts'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
