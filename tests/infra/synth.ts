import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineParkbridge } from '../../infra/parkbridge-app';
import { repoPath } from '../../infra/paths';
import type { JobsInCode } from '../../infra/stacks/workloads';

/**
 * A fixed workload, so the template does not change with other contexts' work in progress:
 * consumers for both stream readers and the two scheduled jobs the product needs. (A test of its
 * own checks that the real stack derives these from allJobs().)
 */
export const FIXED_JOBS: JobsInCode = {
  consumers: ['market.matching', 'bidding.award-outcome', 'chain-map', 'expos.waitlist-offers'],
  schedules: [
    { name: 'close-needs', every: Duration.minutes(1), description: 'Closes needs past their close' },
    { name: 'expire-holds', every: Duration.minutes(1), description: 'Frees expired slot holds' },
  ],
};

/** A stand-in for packages/web/dist, whose presence depends on whether the web app was built. */
export const WEB_FIXTURE = join(import.meta.dirname, 'fixtures/web-dist');

/** cdk.json's context: `new App()` does not read it, and the CLI synthesizes with these flags. */
export const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(repoPath('cdk.json'), 'utf8')).context;

/**
 * The Parkbridge app for one stage, synthesized as `cdk synth -c stage=<stage>` would (cdk-nag
 * included: synthesis throws on any unacknowledged finding). Slow (bundling): once per test file.
 */
export function synthesize(
  stage: 'dev' | 'prod',
  context: Record<string, unknown> = {},
  overrides: Parameters<typeof defineParkbridge>[1] = { jobs: FIXED_JOBS, webAppDir: WEB_FIXTURE },
) {
  const outdir = mkdtempSync(join(tmpdir(), `parkbridge-cdk-${stage}-`));
  const app = new App({ outdir, context: { ...cdkJsonContext(), stage, ...context } });
  const stack = defineParkbridge(app, overrides);
  const assembly = app.synth();
  return { app, stack, assembly, outdir, template: Template.fromStack(stack) };
}

export type Synthesized = ReturnType<typeof synthesize>;

type Resources = Record<string, { Type: string; Properties?: any; Metadata?: any; [k: string]: any }>;

export const resourcesOf = (s: Synthesized, type: string): Resources =>
  s.template.findResources(type) as Resources;

/** Every statement of every IAM policy attached to one of the given roles (by logical id). */
export function statementsOfRoles(s: Synthesized, roleIds: string[]): any[] {
  return Object.values(resourcesOf(s, 'AWS::IAM::Policy')).flatMap((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => roleIds.includes(r.Ref))
      ? (p.Properties.PolicyDocument.Statement as any[])
      : [],
  );
}

export const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
