import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ParkbridgeStack, type ParkbridgeStackProps } from './stacks/parkbridge-stack';
import { stageFrom } from './stacks/stage';

const list = (value: unknown): string[] =>
  typeof value === 'string' && value.trim() ? value.split(',').map((v) => v.trim()) : [];
const optional = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The Parkbridge CDK app, from context: `stage` (dev | prod), and optionally `webOrigins`
 * (comma-separated), `webAclArn`, `alarmEmail`; prod needs `apiDomainName` and `apiCertificateArn`
 * (the API's own domain, which CloudFront alone calls). cdk-nag's AwsSolutions checks run on every synth.
 */
export function defineParkbridge(
  app: App,
  /** What tests pin down instead of reading it from the repository (jobs, web app folder). */
  overrides: Partial<Pick<ParkbridgeStackProps, 'jobs' | 'webAppDir'>> = {},
): ParkbridgeStack {
  const stage = stageFrom(app.node.tryGetContext('stage'));
  const webAclArn = optional(app.node.tryGetContext('webAclArn'));
  const alarmEmail = optional(app.node.tryGetContext('alarmEmail'));
  const apiDomainName = optional(app.node.tryGetContext('apiDomainName'));
  const apiCertificateArn = optional(app.node.tryGetContext('apiCertificateArn'));
  if (!apiDomainName !== !apiCertificateArn) {
    throw new Error('Give apiDomainName and apiCertificateArn together: the domain and its certificate.');
  }
  // No env: the stack is environment-agnostic and synthesizes without credentials or network.
  const stack = new ParkbridgeStack(app, `Parkbridge-${stage.name}`, {
    stage,
    webOrigins: list(app.node.tryGetContext('webOrigins')),
    ...(webAclArn ? { webAclArn } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(apiDomainName && apiCertificateArn
      ? { apiDomain: { name: apiDomainName, certificateArn: apiCertificateArn } }
      : {}),
    ...overrides,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
