import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { HeaviestFirstSequencer } from './tests/support/sequencer';
import { testWorkers } from './tests/support/workers';

// The AWS SDK's notice that its releases from January 2027 on need Node 22 does not apply to the
// release the lockfile pins (README, "Which Node"); set here, it reaches the global setup and every worker.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ALL = ['packages/*/src/**/*.test.ts', 'functions/**/*.test.ts', 'tests/**/*.test.ts'];
const EXCLUDE = ['**/node_modules/**', 'packages/web/**'];
/**
 * Files that need a fresh module graph: the Lambda entries build their runtime from the
 * environment when first imported, and the CDK tests synthesise whole apps. Every other file
 * shares its worker's loaded modules with the files before it (isolate: false), which spares
 * importing the app once per file: about 2 s of CPU each, 80 s of the suite's 360 s of CPU.
 */
const ISOLATED = ['functions/**/*.test.ts', 'tests/functions/**/*.test.ts', 'tests/infra/**/*.test.ts'];

const common: NonNullable<TestProjectInlineConfiguration['test']> = {
  pool: 'forks',
  setupFiles: ['tests/support/dynamo-endpoint.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  env: {
    CDK_VALIDATION: 'false',
    CDK_DISABLE_VERSION_CHECK: '1',
  },
};

export default defineConfig({
  test: {
    // One DynamoDB Local per worker, shared by both projects (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    maxWorkers: testWorkers(),
    sequence: { sequencer: HeaviestFirstSequencer },
    projects: [
      { test: { ...common, name: 'isolated', include: ISOLATED, exclude: EXCLUDE, isolate: true } },
      {
        test: { ...common, name: 'shared', include: ALL, exclude: [...EXCLUDE, ...ISOLATED], isolate: false },
      },
    ],
  },
});
