import { spawn } from 'node:child_process';
import { repoPath } from '../../infra/paths';

/** The project's pinned CDK CLI (package.json), never whatever `npx cdk` would fetch. */
const CDK_CLI = repoPath('node_modules/aws-cdk/bin/cdk');

/** Runs a command of this repository to its end; rejects with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoPath(),
      stdio: ['inherit', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${[command, ...args].join(' ')} ended with ${signal ?? code}`)),
    );
  });
}

/** The CDK CLI, offline-friendly: no version check, no notices (cdk.json), no telemetry. */
export const cdk = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, [CDK_CLI, ...args], { CDK_DISABLE_VERSION_CHECK: '1', ...env });
