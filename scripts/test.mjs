// `npm test`: the whole suite, the same line CI runs (.ci/run). Lint and types first, then every
// vitest test (unit, DynamoDB Local integration, Lambda handlers, infra, browser). It ends with a
// plain `N passed, M failed` line and fails when a test fails or when no test ran at all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChineseFont, ensureChromium, ensureJava } from './prerequisites.mjs';

const step = (name, cmd, args, env = {}) => {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
};

/** Runs a check with its output held back, so checks run side by side print one after another. */
const check = (name, cmd, args) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', (err) => resolve({ name, status: 1, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ name, status: code ?? 1, output, ms: Date.now() - started }));
  });

ensureJava();
ensureChromium();
ensureChineseFont();

// The checks are independent of each other: side by side they take the time of the slowest
// (tsc) instead of the sum. Any failure stops the run before the tests, as before.
const checks = [
  check('lint and format (biome)', 'npx', ['biome', 'check', '.']),
  check('type-check (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
];
if (existsSync('packages/web/index.html')) {
  checks.push(
    check('type-check the web app', 'npx', ['tsc', '--noEmit', '-p', 'packages/web/tsconfig.json']),
    check('build the web app', 'npm', ['run', 'build', '-w', '@parkbridge/web']),
  );
}
let checksFailed = false;
for (const r of await Promise.all(checks)) {
  console.log(`\n▶ ${r.name}${r.ms === undefined ? '' : ` (${(r.ms / 1000).toFixed(1)} s)`}`);
  process.stdout.write(r.output);
  if (r.status !== 0) {
    console.error(`✗ ${r.name} failed (exit ${r.status})`);
    checksFailed = true;
  }
}
if (checksFailed) process.exit(1);

mkdirSync('.artifacts', { recursive: true });
const report = '.artifacts/vitest-report.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const status = step('tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  `--reporter=json`,
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  // A file that fails before its tests run (an import error) counts once as a failure.
  failed = (r.numFailedTests ?? 0) || (r.numFailedTestSuites ?? 0);
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (passed === 0) {
  console.error('No test ran: that is a failure.');
  process.exit(1);
}
process.exit(status !== 0 || failed > 0 ? 1 : 0);
