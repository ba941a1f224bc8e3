import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRules } from '@parkbridge/config';
import { createDb } from '@parkbridge/db';
import { MIGRATIONS, runMigrations } from '@parkbridge/db/migrations';
import { createContainer } from '@parkbridge/runtime';
import { ensureFirstOperator } from '../infra/ops/first-operator';
import { repoPath } from '../infra/paths';
import { EDGE_REGION } from '../infra/stacks/edge-stack';
import { blockersOf, describeStack, readAssembly } from './deploy/assembly';
import { bootstrapStatus, callerIdentity, watchCertificateValidation } from './deploy/aws';
import { cdk, run } from './deploy/cdk';
import { cdkContextArgs, type DeployOptions, parseDeployOptions, USAGE } from './deploy/options';

/**
 * Parkbridge into a park authority's own account and region, in one command (docs/deployment.md):
 *   npm run deploy -- --stage prod --region ap-southeast-1 --domain parks.example.org
 * --dry-run synthesizes everything and prints the plan without credentials or any AWS call.
 */
const say = (line = '') => process.stdout.write(`${line}\n`);

async function synthesize(o: DeployOptions) {
  // No account is needed to synthesize: keep the CLI from probing EC2 metadata for one.
  await cdk(['synth', '--all', '--quiet', '-o', o.out, ...cdkContextArgs(o)], {
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return readAssembly(resolve(repoPath(), o.out));
}

function printPlan(o: DeployOptions, stacks: ReturnType<typeof readAssembly>) {
  say(`Plan: Parkbridge ${o.stage} in ${o.region}${o.domain ? ` at https://${o.domain}` : ''}`);
  const regions = [...new Set(stacks.map((s) => s.region))];
  const steps = [
    'check the AWS credentials of this shell (STS GetCallerIdentity)',
    `check the CDK bootstrap in ${regions.join(' and ')}${o.bootstrap ? ', bootstrapping where missing' : ' (--bootstrap bootstraps where missing)'}`,
    'build the web app (packages/web/dist)',
    `deploy, in order: ${stacks.map((s) => `${s.name} (${s.region})`).join(', then ')}`,
    'print the URLs (and the DNS records to create, if any)',
    o.operator
      ? `create or confirm the first operator ${o.operator.email}`
      : 'say how to make the first operator (--operator-email)',
  ];
  for (const [i, step] of steps.entries()) say(`  ${i + 1}. ${step}`);
  say();
  for (const s of stacks) for (const line of describeStack(s)) say(line);
}

function printBlockers(blockers: ReturnType<typeof blockersOf>) {
  say();
  say('BLOCKED: this stack cannot run in the AWS China partition yet (docs/deployment.md, China):');
  for (const b of blockers) say(`  - ${b.what} (${b.source})`);
}

async function ensureBootstrapped(o: DeployOptions, account: string, regions: string[]) {
  const missing: string[] = [];
  for (const region of regions) {
    const status = await bootstrapStatus(region);
    say(`  bootstrap ${region}: ${status ?? 'missing'}`);
    if (!status) missing.push(region);
  }
  if (!missing.length) return;
  const environments = missing.map((r) => `aws://${account}/${r}`);
  if (!o.bootstrap) {
    throw new Error(
      `Not bootstrapped: ${missing.join(', ')}. Run again with --bootstrap, or: npx cdk bootstrap ${environments.join(' ')}`,
    );
  }
  await cdk(['bootstrap', '--app', o.out, ...environments]);
}

type Outputs = Record<string, Record<string, string>>;

function printUrls(o: DeployOptions, outputs: Outputs) {
  const app = outputs[`Parkbridge-${o.stage}`] ?? {};
  say();
  say(`Parkbridge ${o.stage} is deployed in ${o.region}.`);
  say(`  web app      ${app.WebUrl}/`);
  say(`  API          ${app.WebUrl}/v1   (reference ${app.WebUrl}/docs, OpenAPI ${app.WebUrl}/openapi.json)`);
  say(`  sign-in      ${app.SignInUrl}`);
  say(`  CloudFront   https://${app.DistributionDomain}`);
  say(`  alarms       SNS ${app.AlarmTopicArn}, dashboard ${app.DashboardName}`);
  if (app.SiteDnsRecord) say(`  DNS          create at your DNS host: ${app.SiteDnsRecord}`);
}

/** The table's data brought up to the release just deployed (each migration idempotent, marked once done). */
async function migrate(o: DeployOptions, outputs: Outputs) {
  const app = outputs[`Parkbridge-${o.stage}`] ?? {};
  // Migrations issue no pagination cursor: any key will do.
  const db = createDb({
    tableName: app.TableName as string,
    region: o.region,
    cursorSecret: crypto.randomUUID(),
  });
  try {
    for (const m of await runMigrations(db, MIGRATIONS)) {
      say(`Data migration ${m.name}: ${m.status}${m.status === 'ran' ? `, ${m.changed} changed` : ''}`);
    }
  } finally {
    db.doc.destroy();
  }
}

async function firstOperator(o: DeployOptions, outputs: Outputs) {
  const app = outputs[`Parkbridge-${o.stage}`] ?? {};
  if (!o.operator) {
    say();
    say(`First operator: they sign up at ${app.SignInUrl}, then run this again with`);
    say('  --operator-email <their e-mail> --authority-name "<park authority>" --country <ISO 3166 code>');
    return;
  }
  // This process issues no pagination cursor: any key will do.
  const db = createDb({
    tableName: app.TableName as string,
    region: o.region,
    cursorSecret: crypto.randomUUID(),
  });
  try {
    const outcome = await ensureFirstOperator(createContainer(db, parseRules({})), {
      email: o.operator.email,
      name: o.operator.name ?? '',
      country: o.operator.country ?? '',
    });
    say();
    if (outcome.status === 'awaiting-sign-in') {
      say(`First operator: ${o.operator.email} has not signed in yet. They sign up at ${app.SignInUrl};`);
      say('then run this command again (it deploys nothing new and makes them the operator).');
    } else {
      say(`First operator: ${o.operator.email} ${outcome.status} (organisation ${outcome.orgId}).`);
      if (outcome.status === 'created')
        say('They sign out and in again: their next token carries the operator group.');
    }
  } finally {
    db.doc.destroy();
  }
}

/** Synthesizes and prints the plan; undefined (exit code 3) when the region's partition blocks it. */
async function plan(o: DeployOptions) {
  const stacks = await synthesize(o);
  printPlan(o, stacks);
  const blockers = blockersOf(stacks);
  if (!blockers.length) return stacks;
  printBlockers(blockers);
  process.exitCode = 3;
  return undefined;
}

async function main(o: DeployOptions) {
  if (o.dryRun) {
    if (await plan(o)) say(`\nDry run: nothing was deployed. Templates: ${o.out}`);
    return;
  }
  say('Checking credentials...');
  const me = await callerIdentity(o.region);
  say(`  account ${me.account} as ${me.arn}`);
  say('Building the web app...');
  await run('npm', ['run', 'build', '-w', '@parkbridge/web']);
  say('Synthesizing...');
  const stacks = await plan(o);
  if (!stacks) return;
  say('Checking the CDK bootstrap...');
  await ensureBootstrapped(o, me.account, [...new Set(stacks.map((s) => s.region))]);
  const outputsFile = join(o.out, 'outputs.json');
  const deploying = cdk([
    'deploy',
    '--app',
    o.out,
    '--all',
    '--outputs-file',
    outputsFile,
    '--require-approval',
    o.yes ? 'never' : 'broadening',
  ]);
  const edge = stacks.find((s) => s.region === EDGE_REGION && s.name.endsWith('-edge'));
  if (o.domain && !o.hostedZoneId && edge) {
    void watchCertificateValidation(
      edge.name,
      EDGE_REGION,
      (record) => {
        say(`\nThe certificate waits for this DNS record; create it at your DNS host:\n  ${record}\n`);
      },
      deploying.catch(() => undefined),
    );
  }
  await deploying;
  const outputs = JSON.parse(readFileSync(resolve(repoPath(), outputsFile), 'utf8')) as Outputs;
  printUrls(o, outputs);
  await migrate(o, outputs);
  await firstOperator(o, outputs);
}

let options: DeployOptions;
try {
  options = parseDeployOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\nUsage: ${USAGE}\n`);
  process.exit(2);
}
main(options).catch((err) => {
  process.stderr.write(`\n${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
