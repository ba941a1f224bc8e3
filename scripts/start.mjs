// `npm start`: check prerequisites, build the web app when its build is missing or older than its
// sources, then run the local server in this very process. npm execs this script (package.json),
// so the SIGINT and SIGTERM that npm forwards land here, and the server stops DynamoDB Local
// before this process, and so npm, exits.
import { ensureJava } from './prerequisites.mjs';

ensureJava();
// On Node 20 the AWS SDK warns at every start that its releases from January 2027 on will need
// Node 22. The release package-lock.json pins runs on Node 20 (README, "Which Node"), so the
// notice does not apply to this server; set the variable to false to see it anyway.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
stopWhenNpmIsGone();

await import('tsx');
const { assertPortFree, portFrom } = await import('../functions/local/port.ts');
const { ensureWebBuild } = await import('../functions/local/web-build.ts');
try {
  // A taken port is told in a second, before the build, DynamoDB Local and the seed.
  await assertPortFree(portFrom(process.env), '0.0.0.0');
  ensureWebBuild();
} catch (err) {
  console.error(`Parkbridge could not start: ${err.message}`);
  process.exit(1);
}
await import('../functions/local/server.ts');

/**
 * npm killed outright (SIGKILL: no signal to forward) would leave this process serving on its own.
 * Under npm, a new parent means npm is gone: stop as on SIGTERM. Run directly (`node
 * scripts/start.mjs`), the server outlives its shell as any program would.
 */
function stopWhenNpmIsGone() {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}
