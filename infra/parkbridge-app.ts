import { type App, CrossStackReferences, ReferenceStrength, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ParkbridgeEdgeStack } from './stacks/edge-stack';
import { ParkbridgeStack, type ParkbridgeStackProps } from './stacks/parkbridge-stack';
import { partitionOf, REGION_PATTERN } from './stacks/partition';
import { isCognitoPlan, stageFrom } from './stacks/stage';

const list = (value: unknown): string[] =>
  typeof value === 'string' && value.trim() ? value.split(',').map((v) => v.trim()) : [];
const optional = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A host name of at least two labels, lower case (what a certificate and CloudFront accept). */
const DOMAIN_PATTERN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export interface ParkbridgeApp {
  /** The stack that holds the data, in the chosen region. */
  stack: ParkbridgeStack;
  /** us-east-1: the web ACL and the certificate CloudFront needs (when either is needed). */
  edge: ParkbridgeEdgeStack | undefined;
}

/**
 * The Parkbridge CDK app, from context: `stage` (dev | prod), and optionally `region` (the data's
 * region; without it the stack is environment-agnostic), `domain` and `hostedZoneId` (a custom
 * domain, with `region`), `cognitoPlan` (essentials | plus), `webOrigins` (comma-separated),
 * `webAclArn`, `alarmEmail`; prod needs `apiDomainName` and `apiCertificateArn` (the API's own
 * domain, which CloudFront alone calls). cdk-nag's AwsSolutions checks run on every synth.
 */
export function defineParkbridgeApp(
  app: App,
  /** What tests pin down instead of reading it from the repository (jobs, web app folder). */
  overrides: Partial<Pick<ParkbridgeStackProps, 'jobs' | 'webAppDir'>> = {},
): ParkbridgeApp {
  const context = (key: string) => app.node.tryGetContext(key);
  const stage = stageFrom(context('stage'));
  const region = optional(context('region'));
  const domain = optional(context('domain'))?.toLowerCase();
  const hostedZoneId = optional(context('hostedZoneId'));
  const alarmEmail = optional(context('alarmEmail'));
  const cognitoPlan = optional(context('cognitoPlan'));
  if (cognitoPlan && !isCognitoPlan(cognitoPlan)) {
    throw new Error(`-c cognitoPlan is essentials or plus, not "${cognitoPlan}".`);
  }
  let webAclArn = optional(context('webAclArn'));
  const apiDomainName = optional(context('apiDomainName'));
  const apiCertificateArn = optional(context('apiCertificateArn'));
  if (!apiDomainName !== !apiCertificateArn) {
    throw new Error('Give apiDomainName and apiCertificateArn together: the domain and its certificate.');
  }
  if (region && !REGION_PATTERN.test(region)) throw new Error(`"${region}" is not an AWS region name.`);
  if (domain && !DOMAIN_PATTERN.test(domain)) throw new Error(`"${domain}" is not a domain name.`);
  if (hostedZoneId && !domain) throw new Error('-c hostedZoneId needs -c domain.');
  if (domain && !region) {
    throw new Error('A custom domain needs -c region=<region>: its certificate lives in us-east-1.');
  }
  if (domain && region && partitionOf(region) === 'aws-cn') {
    throw new Error(
      'CloudFront in China takes IAM server certificates, not ACM ones: see docs/deployment.md (China).',
    );
  }

  // The app stack reads the edge stack's outputs with Fn::GetStackOutput when it deploys: no
  // export locks the certificate or the web ACL against replacement, and no custom resource
  // (strong cross-region references write SSM parameters through a Lambda). Set before any stack.
  CrossStackReferences.of(app).consume(ReferenceStrength.WEAK);
  // CloudFront's web ACL and certificate exist only in us-east-1 (of the aws partition).
  let edge: ParkbridgeEdgeStack | undefined;
  const edgeWaf = stage.waf && !webAclArn;
  if (region && partitionOf(region) === 'aws' && (edgeWaf || domain)) {
    edge = new ParkbridgeEdgeStack(app, `Parkbridge-${stage.name}-edge`, {
      waf: edgeWaf,
      ...(domain ? { domain } : {}),
      ...(hostedZoneId ? { hostedZoneId } : {}),
      terminationProtection: stage.name === 'prod',
    });
    webAclArn ??= edge.webAclArn;
  }

  const stack = new ParkbridgeStack(app, `Parkbridge-${stage.name}`, {
    stage,
    ...(region ? { env: { region } } : {}),
    webOrigins: list(context('webOrigins')),
    ...(webAclArn ? { webAclArn } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(isCognitoPlan(cognitoPlan) ? { cognitoPlan } : {}),
    ...(domain && edge?.certificate
      ? { domain: { name: domain, certificate: edge.certificate, ...(hostedZoneId ? { hostedZoneId } : {}) } }
      : {}),
    ...(apiDomainName && apiCertificateArn
      ? { apiDomain: { name: apiDomainName, certificateArn: apiCertificateArn } }
      : {}),
    ...overrides,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stack, edge };
}

/** The data's stack alone (what most tests look at). */
export const defineParkbridge = (app: App, overrides: Parameters<typeof defineParkbridgeApp>[1] = {}) =>
  defineParkbridgeApp(app, overrides).stack;
