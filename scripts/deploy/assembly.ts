import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaGapsIn, type PartitionGap, partitionOf } from '../../infra/stacks/partition';

interface Resource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are JSON of every shape
  Properties?: Record<string, any>;
}
export interface Template {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

export interface SynthesizedStack {
  name: string;
  region: string;
  /** Stacks that must deploy first. */
  dependsOn: string[];
  template: Template;
}

/** The stacks of a cloud assembly (what `cdk synth -o <out>` wrote), in deployment order. */
export function readAssembly(out: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    artifacts: Record<
      string,
      { type: string; environment?: string; dependencies?: string[]; properties?: { templateFile?: string } }
    >;
  };
  const stacks = Object.entries(manifest.artifacts)
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([name, a]) => ({
      name,
      region: (a.environment ?? '').split('/').pop() ?? '',
      dependsOn: (a.dependencies ?? []).filter(
        (d) => manifest.artifacts[d]?.type === 'aws:cloudformation:stack',
      ),
      template: JSON.parse(
        readFileSync(join(out, a.properties?.templateFile ?? `${name}.template.json`), 'utf8'),
      ),
    }));
  const ordered: SynthesizedStack[] = [];
  const visit = (s: SynthesizedStack) => {
    if (ordered.includes(s)) return;
    for (const d of s.dependsOn) visit(stacks.find((x) => x.name === d) as SynthesizedStack);
    ordered.push(s);
  };
  for (const s of stacks) visit(s);
  return ordered;
}

const ofType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);

/** Where each kind of stored data is created: the table, the buckets, the logs, the user pool. */
const DATA_TYPES: Record<string, string> = {
  'AWS::DynamoDB::GlobalTable': 'table',
  'AWS::S3::Bucket': 'buckets',
  'AWS::Logs::LogGroup': 'log groups',
  'AWS::Cognito::UserPool': 'user pool',
  'AWS::SQS::Queue': 'dead-letter queues',
  'AWS::SecretsManager::Secret': 'secret',
};

/** One line per fact of a stack worth reading before a deploy. */
export function describeStack(s: SynthesizedStack): string[] {
  const t = s.template;
  const lines = [`${s.name} in ${s.region}: ${Object.keys(t.Resources).length} resources`];
  if (s.dependsOn.length) lines.push(`  after ${s.dependsOn.join(', ')}`);
  const stored = Object.entries(DATA_TYPES)
    .map(([type, label]) => [ofType(t, type).length, label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`);
  if (stored.length) lines.push(`  data in ${s.region} only: ${stored.join(', ')}`);
  const replicas = ofType(t, 'AWS::DynamoDB::GlobalTable').flatMap((r) =>
    (r.Properties?.Replicas ?? []).map((x: { Region?: unknown }) => x.Region),
  );
  if (replicas.length) lines.push(`  table replicas: ${replicas.map((r) => JSON.stringify(r)).join(', ')}`);
  for (const acl of ofType(t, 'AWS::WAFv2::WebACL')) {
    lines.push(`  web ACL (${acl.Properties?.Scope}): ${acl.Properties?.Rules?.length} rules`);
  }
  for (const cert of ofType(t, 'AWS::CertificateManager::Certificate')) {
    const zone = cert.Properties?.DomainValidationOptions?.[0]?.HostedZoneId;
    lines.push(
      `  certificate for ${cert.Properties?.DomainName}, DNS-validated ${zone ? `in hosted zone ${zone}` : 'by a record you create (printed during the deploy)'}`,
    );
  }
  for (const d of ofType(t, 'AWS::CloudFront::Distribution')) {
    const c = d.Properties?.DistributionConfig ?? {};
    const paths = (c.CacheBehaviors ?? []).map((b: { PathPattern: string }) => b.PathPattern);
    lines.push(
      `  CloudFront: ${c.Aliases?.length ? c.Aliases.join(', ') : 'its cloudfront.net name'}; ${paths.filter((p: string) => !p.startsWith('/docs-assets')).join(' ')} to the API${c.WebACLId ? '; behind the web ACL' : ''}`,
    );
  }
  const records = ofType(t, 'AWS::Route53::RecordSet');
  if (records.length) {
    lines.push(`  Route 53: ${records.map((r) => `${r.Properties?.Type} ${r.Properties?.Name}`).join(', ')}`);
  }
  const groups = ofType(t, 'AWS::CodeDeploy::DeploymentGroup');
  if (groups.length) {
    const configs = [...new Set(groups.map((g) => JSON.stringify(g.Properties?.DeploymentConfigName)))];
    lines.push(
      `  ${groups.length} functions roll out through CodeDeploy (${configs.join(', ')}), rolled back by alarms`,
    );
  }
  return lines;
}

/** What would stop a deploy of these stacks: for the China partition, the gaps the templates hit. */
export function blockersOf(stacks: SynthesizedStack[]): PartitionGap[] {
  return stacks
    .filter((s) => partitionOf(s.region) === 'aws-cn')
    .flatMap((s) => chinaGapsIn(s.template))
    .filter((g, i, all) => all.findIndex((x) => x.id === g.id) === i);
}
