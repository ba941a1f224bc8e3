import { parseArgs } from 'node:util';
import { REGION_PATTERN } from '../../infra/stacks/partition';
import { type CognitoPlan, isCognitoPlan } from '../../infra/stacks/stage';

export interface DeployOptions {
  stage: 'dev' | 'prod';
  region: string;
  domain?: string;
  hostedZoneId?: string;
  alarmEmail?: string;
  cognitoPlan?: CognitoPlan;
  /** The API's own domain and its ACM certificate in the region: prod's CloudFront-only origin. */
  api?: { domain: string; certificateArn: string };
  /** Run `cdk bootstrap` where the account is not bootstrapped yet. */
  bootstrap: boolean;
  /** Synthesize and print the plan; no credentials, no AWS call. */
  dryRun: boolean;
  /** Deploy without asking to approve IAM and security-group changes. */
  yes: boolean;
  /** The cloud assembly's folder. */
  out: string;
  operator?: { email: string; name?: string; country?: string };
}

export const USAGE = `npm run deploy -- --stage dev|prod --region <region> [--domain parks.example.org]
  [--api-domain api.parks.example.org --api-certificate-arn arn:…] [--hosted-zone-id Z…] [--alarm-email ops@…] [--cognito-plan essentials|plus] [--bootstrap] [--dry-run] [--yes]
  [--operator-email ops@… --authority-name "…" --country IR] [--out <folder>]`;

/** The command line, checked; throws an Error whose message says what is wrong. */
export function parseDeployOptions(argv: string[]): DeployOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      stage: { type: 'string', default: 'dev' },
      region: { type: 'string' },
      domain: { type: 'string' },
      'hosted-zone-id': { type: 'string' },
      'alarm-email': { type: 'string' },
      'cognito-plan': { type: 'string' },
      'api-domain': { type: 'string' },
      'api-certificate-arn': { type: 'string' },
      bootstrap: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      out: { type: 'string' },
      'operator-email': { type: 'string' },
      'authority-name': { type: 'string' },
      country: { type: 'string' },
    },
  });
  const stage = values.stage;
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`--stage is dev or prod, not "${stage}".`);
  const region = values.region ?? process.env.AWS_REGION;
  if (!region) throw new Error('--region is required (or AWS_REGION): the region the data will live in.');
  if (!REGION_PATTERN.test(region)) throw new Error(`--region "${region}" is not an AWS region name.`);
  if (values['hosted-zone-id'] && !values.domain) throw new Error('--hosted-zone-id needs --domain.');
  const plan = values['cognito-plan'];
  if (plan && !isCognitoPlan(plan)) {
    throw new Error(`--cognito-plan is essentials or plus, not "${plan}".`);
  }
  const apiDomain = values['api-domain'];
  const apiCertificateArn = values['api-certificate-arn'];
  if (!apiDomain !== !apiCertificateArn)
    throw new Error('--api-domain and --api-certificate-arn go together.');
  if (stage === 'prod' && !apiDomain) {
    throw new Error(
      'prod makes CloudFront the API’s only door: give --api-domain and --api-certificate-arn (an ACM certificate for it in the region).',
    );
  }
  const email = values['operator-email'];
  return {
    stage,
    region,
    ...(values.domain ? { domain: values.domain.toLowerCase() } : {}),
    ...(values['hosted-zone-id'] ? { hostedZoneId: values['hosted-zone-id'] } : {}),
    ...(values['alarm-email'] ? { alarmEmail: values['alarm-email'] } : {}),
    ...(isCognitoPlan(plan) ? { cognitoPlan: plan } : {}),
    ...(apiDomain && apiCertificateArn
      ? { api: { domain: apiDomain, certificateArn: apiCertificateArn } }
      : {}),
    bootstrap: values.bootstrap,
    dryRun: values['dry-run'],
    yes: values.yes,
    out: values.out ?? `cdk.out/deploy-${stage}-${region}`,
    ...(email
      ? {
          operator: {
            email,
            ...(values['authority-name'] ? { name: values['authority-name'] } : {}),
            ...(values.country ? { country: values.country } : {}),
          },
        }
      : {}),
  };
}

/** The CDK context the app reads (infra/parkbridge-app.ts), as `-c key=value` arguments. */
export function cdkContextArgs(o: DeployOptions): string[] {
  const context: Record<string, string | undefined> = {
    stage: o.stage,
    region: o.region,
    domain: o.domain,
    hostedZoneId: o.hostedZoneId,
    alarmEmail: o.alarmEmail,
    cognitoPlan: o.cognitoPlan,
    apiDomainName: o.api?.domain,
    apiCertificateArn: o.api?.certificateArn,
  };
  return Object.entries(context).flatMap(([k, v]) => (v ? ['-c', `${k}=${v}`] : []));
}
