import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../infra/paths';
import { readAssembly } from '../../scripts/deploy/assembly';

/**
 * `npm run deploy -- … --dry-run` as an authority runs it, with no AWS credentials at all: the
 * pinned CDK CLI synthesizes every stack (Lambda bundles included) and the plan is printed.
 */
function dryRun(args: string[]): Promise<{ code: number; stdout: string; out: string }> {
  const out = mkdtempSync(join(tmpdir(), 'parkbridge-deploy-'));
  const env: NodeJS.ProcessEnv = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' };
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    delete env[name];
  }
  // No credentials file either: HOME points at an empty folder.
  env.HOME = mkdtempSync(join(tmpdir(), 'parkbridge-home-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', repoPath('scripts/deploy.ts'), ...args, '--dry-run', '--out', out],
      { cwd: repoPath(), env, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, out }),
    );
  });
}

type Run = Awaited<ReturnType<typeof dryRun>>;
let prodAbroad: Run;
let devChina: Run;

beforeAll(async () => {
  // Side by side: each is a whole CDK synth with the Lambda bundles, mostly waiting on esbuild.
  [prodAbroad, devChina] = await Promise.all([
    dryRun([
      ...['--stage', 'prod', '--region', 'ap-southeast-1', '--domain', 'parks.example.org'],
      ...['--api-domain', 'api.parks.example.org'],
      ...['--api-certificate-arn', 'arn:aws:acm:ap-southeast-1:123456789012:certificate/abc'],
    ]),
    dryRun(['--stage', 'dev', '--region', 'cn-northwest-1']),
  ]);
}, 900_000);

describe('npm run deploy -- --dry-run', () => {
  it('plans prod outside us-east-1 with a custom domain: edge stack first, data in the chosen region', () => {
    const run = prodAbroad;
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Plan: Parkbridge prod in ap-southeast-1 at https://parks.example.org');
    expect(run.stdout).toContain(
      '4. deploy, in order: Parkbridge-prod-edge (us-east-1), then Parkbridge-prod (ap-southeast-1)',
    );
    expect(run.stdout).toContain('check the CDK bootstrap in us-east-1 and ap-southeast-1');
    expect(run.stdout).toMatch(
      /data in ap-southeast-1 only: 1 table, 3 buckets, \d+ log groups, 1 user pool/,
    );
    expect(run.stdout).toContain('certificate for parks.example.org, DNS-validated by a record you create');
    expect(run.stdout).toContain(
      'CloudFront: parks.example.org; /v1/public/* /v1/* /health /openapi.json /docs /docs/* to the API; behind the web ACL',
    );
    expect(run.stdout).toContain(
      'functions roll out through CodeDeploy ("CodeDeployDefault.LambdaCanary10Percent5Minutes")',
    );
    expect(run.stdout).toContain('Dry run: nothing was deployed.');

    const [edge, app] = readAssembly(run.out);
    expect([edge?.name, edge?.region, app?.name, app?.region]).toEqual([
      'Parkbridge-prod-edge',
      'us-east-1',
      'Parkbridge-prod',
      'ap-southeast-1',
    ]);
    const types = Object.values(edge!.template.Resources).map((r) => r.Type);
    expect(types).toEqual(
      expect.arrayContaining(['AWS::WAFv2::WebACL', 'AWS::CertificateManager::Certificate']),
    );
    // The Lambda bundles were built: every function's code is a staged asset of the assembly.
    const functions = Object.values(app!.template.Resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    expect(functions.length).toBeGreaterThan(6);
    for (const f of functions) expect(f.Properties?.Code?.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
  });

  it('plans dev in China, then stops and names what the China partition lacks', () => {
    const run = devChina;
    expect(run.code, run.stdout).toBe(3);
    expect(run.stdout).toContain('Parkbridge-dev in cn-northwest-1');
    expect(run.stdout).not.toContain('-edge');
    expect(run.stdout).toContain('BLOCKED: this stack cannot run in the AWS China partition yet');
    expect(run.stdout).toContain('Cognito user pools are not available in the China regions');
    expect(JSON.stringify(readAssembly(run.out)[0]?.template)).not.toMatch(/"arn:aws:/);
  });

  it('refuses a command line it cannot deploy, before synthesizing anything', async () => {
    const runs = await Promise.all([
      dryRun(['--stage', 'staging', '--region', 'eu-central-1']),
      dryRun(['--stage', 'dev', '--hosted-zone-id', 'Z1']),
      dryRun(['--stage', 'prod', '--region', 'eu-central-1']),
    ]);
    expect(runs.map((r) => [r.code, r.stdout])).toEqual([
      [2, ''],
      [2, ''],
      [2, ''],
    ]);
  }, 120_000);
});
