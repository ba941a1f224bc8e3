import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineParkbridgeApp } from '../../infra/parkbridge-app';
import { AWS_CN_GAPS, chinaGapsIn } from '../../infra/stacks/partition';
import { HTTP_FUNCTIONS } from '../../infra/stacks/workloads';
import { cdkJsonContext, FIXED_JOBS, WEB_FIXTURE } from './synth';

/**
 * The stacks `npm run deploy` synthesizes for a chosen region: the edge stack in us-east-1, the
 * custom domain, the canary releases, and the China partition. Templates only: the Lambda bundles
 * are not built here (tests/infra/stack.test.ts and bundles.test.ts cover them).
 */
function synth(context: Record<string, unknown>) {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  const { stack, edge } = defineParkbridgeApp(app, { jobs: FIXED_JOBS, webAppDir: WEB_FIXTURE });
  app.synth();
  const nag = (s: Stack | undefined) =>
    s ? new AwsSolutionsChecks(app).validateScope(s).violations.map((v) => v.ruleName) : [];
  return {
    app: Template.fromStack(stack),
    edge: edge && Template.fromStack(edge),
    stackName: stack.stackName,
    edgeName: edge?.stackName,
    nag: [...nag(stack), ...nag(edge)],
  };
}

type Synth = ReturnType<typeof synth>;
const ZONE = 'Z0123456789ABCDEFGHIJ';
/** Prod makes CloudFront the API's only door: the API needs a domain and a regional certificate. */
const apiDoor = (region: string, name = 'api.parks.example.org') => ({
  apiDomainName: name,
  apiCertificateArn: `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:acm:${region}:123456789012:certificate/abc`,
});
let withZone: Synth;
let withoutZone: Synth;
let devSingapore: Synth;
let devChina: Synth;
let prodChina: Synth;

beforeAll(() => {
  withZone = synth({
    stage: 'prod',
    region: 'eu-central-1',
    domain: 'parks.example.org',
    hostedZoneId: ZONE,
    ...apiDoor('eu-central-1'),
  });
  withoutZone = synth({
    stage: 'prod',
    region: 'me-central-1',
    domain: 'Souq.Example.AE',
    cognitoPlan: 'essentials',
    ...apiDoor('me-central-1', 'api.souq.example.ae'),
  });
  devSingapore = synth({ stage: 'dev', region: 'ap-southeast-1' });
  devChina = synth({ stage: 'dev', region: 'cn-northwest-1' });
  prodChina = synth({
    stage: 'prod',
    region: 'cn-north-1',
    ...apiDoor('cn-north-1', 'api.parks.example.cn'),
  });
}, 600_000);

const resources = (t: Template, type: string) => Object.entries(t.findResources(type));
const only = (t: Template, type: string) => {
  const all = resources(t, type);
  expect(all, type).toHaveLength(1);
  return all[0] as [string, { Properties: any }];
};
const distribution = (t: Template) =>
  only(t, 'AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const getStackOutput = (stackName: string | undefined) => ({
  'Fn::GetStackOutput': expect.objectContaining({ StackName: stackName, Region: 'us-east-1' }),
});

describe('a prod deploy outside us-east-1', () => {
  it('puts the web ACL and the certificate in an edge stack in us-east-1, the data in the chosen region', () => {
    expect(withZone.edgeName).toBe('Parkbridge-prod-edge');
    expect(withZone.stackName).toBe('Parkbridge-prod');
    expect(only(withZone.edge!, 'AWS::WAFv2::WebACL')[1].Properties.Scope).toBe('CLOUDFRONT');
    expect(resources(withZone.app, 'AWS::WAFv2::WebACL')).toEqual([]);
    // The us-east-1 rule is for environment-agnostic prod stacks that make their own ACL.
    expect(withZone.app.toJSON().Rules?.EdgeFirewallRegion).toBeUndefined();
    expect(only(withZone.app, 'AWS::DynamoDB::GlobalTable')[1].Properties.Replicas).toEqual([
      expect.objectContaining({ Region: 'eu-central-1' }),
    ]);
  });

  it('reads the web ACL and the certificate by weak reference (Fn::GetStackOutput), with no custom resource', () => {
    const config = distribution(withZone.app);
    expect(config.WebACLId).toEqual(getStackOutput(withZone.edgeName));
    expect(config.ViewerCertificate.AcmCertificateArn).toEqual(getStackOutput(withZone.edgeName));
    for (const t of [withZone.app, withZone.edge!]) {
      expect(JSON.stringify(t.toJSON())).not.toMatch(/ExportsWriter|ExportsReader|Fn::ImportValue/);
    }
  });

  it('passes cdk-nag in both stacks', () => {
    for (const s of [withZone, withoutZone, devSingapore]) expect(s.nag).toEqual([]);
  });

  it('makes no edge stack for dev without a domain: no WAF, nothing in us-east-1', () => {
    expect(devSingapore.edge).toBeUndefined();
    expect(distribution(devSingapore.app).WebACLId).toBeUndefined();
  });
});

describe('a custom domain', () => {
  it('gets an ACM certificate in us-east-1, validated by DNS in the hosted zone when one is given', () => {
    withZone.edge!.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'parks.example.org',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'parks.example.org', HostedZoneId: ZONE }],
    });
    const [, cert] = only(withoutZone.edge!, 'AWS::CertificateManager::Certificate');
    expect(cert.Properties).toMatchObject({ DomainName: 'souq.example.ae', ValidationMethod: 'DNS' });
    expect(cert.Properties.DomainValidationOptions).toBeUndefined();
  });

  it('is the distribution’s name, with TLS 1.2 at least, serving the app and the API on one origin', () => {
    const config = distribution(withZone.app);
    expect(config.Aliases).toEqual(['parks.example.org']);
    expect(config.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const api = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/v1/*');
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(apiOrigin.DomainName).toBe('api.parks.example.org');
  });

  it('points A and AAAA alias records at the distribution when the zone is in the account', () => {
    const [distId] = only(withZone.app, 'AWS::CloudFront::Distribution');
    for (const type of ['A', 'AAAA']) {
      withZone.app.hasResourceProperties('AWS::Route53::RecordSet', {
        Type: type,
        Name: 'parks.example.org.',
        HostedZoneId: ZONE,
        AliasTarget: { DNSName: { 'Fn::GetAtt': [distId, 'DomainName'] } },
      });
    }
    expect(withZone.app.toJSON().Outputs.SiteDnsRecord).toBeUndefined();
  });

  it('prints the record to create when the zone is elsewhere', () => {
    expect(resources(withoutZone.app, 'AWS::Route53::RecordSet')).toEqual([]);
    const record = JSON.stringify(withoutZone.app.toJSON().Outputs.SiteDnsRecord.Value);
    expect(record).toContain('souq.example.ae. CNAME ');
    expect(record).toContain('DomainName');
  });

  it('is where the sign-in returns and what the web app calls, the cloudfront.net name still allowed', () => {
    const [, client] = only(withZone.app, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties.CallbackURLs).toContain('https://parks.example.org/');
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain('DomainName');
    const http = resources(withZone.app, 'AWS::Lambda::Function').filter(([, f]) =>
      String(f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME).startsWith('http-'),
    );
    expect(http.length).toBe(Object.keys(HTTP_FUNCTIONS).length);
    for (const [, f] of http) {
      expect(f.Properties.Environment.Variables.PARKBRIDGE_WEB_ORIGIN).toBe('https://parks.example.org');
    }
    const [, files] = resources(withZone.app, 'AWS::S3::Bucket').find(
      ([, b]) => b.Properties.CorsConfiguration,
    )!;
    expect(files.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toContain(
      'https://parks.example.org',
    );
  });
});

describe('safe rollouts', () => {
  const groups = (t: Template) =>
    resources(t, 'AWS::CodeDeploy::DeploymentGroup').map(([, g]) => g.Properties);

  it('release every HTTP function through a live alias that CodeDeploy shifts: canary in prod, at once in dev', () => {
    const count = Object.keys(HTTP_FUNCTIONS).length;
    expect(resources(withZone.app, 'AWS::Lambda::Alias').map(([, a]) => a.Properties.Name)).toEqual(
      Array(count).fill('live'),
    );
    expect(groups(withZone.app).map((g) => g.DeploymentConfigName)).toEqual(
      Array(count).fill('CodeDeployDefault.LambdaCanary10Percent5Minutes'),
    );
    expect(groups(devSingapore.app).map((g) => g.DeploymentConfigName)).toEqual(
      Array(count).fill('CodeDeployDefault.LambdaAllAtOnce'),
    );
    for (const [, alias] of resources(withZone.app, 'AWS::Lambda::Alias')) {
      expect(alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate).toBeDefined();
    }
  });

  it('roll back on the function’s error alarm and the API’s 5xx alarm, and on failure or stop', () => {
    const alarms = Object.fromEntries(
      resources(withZone.app, 'AWS::CloudWatch::Alarm').map(([id, a]) => [id, a.Properties]),
    );
    for (const g of groups(withZone.app)) {
      expect(g.AutoRollbackConfiguration).toEqual({
        Enabled: true,
        Events: expect.arrayContaining([
          'DEPLOYMENT_FAILURE',
          'DEPLOYMENT_STOP_ON_REQUEST',
          'DEPLOYMENT_STOP_ON_ALARM',
        ]),
      });
      expect(g.AlarmConfiguration.Enabled).toBe(true);
      const wired = g.AlarmConfiguration.Alarms.map((a: { Name: { Ref: string } }) => alarms[a.Name.Ref]);
      expect(wired.map((a: { MetricName: string }) => a.MetricName).sort()).toEqual(['5xx', 'Errors']);
    }
  });
});

describe('the AWS China partition', () => {
  it('synthesizes with partition-aware ARNs: no literal arn:aws: anywhere', () => {
    for (const s of [devChina, prodChina]) {
      const text = JSON.stringify(s.app.toJSON());
      expect(text).not.toMatch(/"arn:aws:/);
      expect(text).toMatch(/arn:aws-cn:/);
      expect(s.edge).toBeUndefined();
    }
  });

  it('finds exactly the documented gaps: what blocks a deploy there today', () => {
    const ids = (s: Synth) =>
      chinaGapsIn(s.app.toJSON() as Parameters<typeof chinaGapsIn>[0]).map((g) => g.id);
    expect(ids(devChina)).toEqual([
      'cognito-user-pools',
      'lambda-xray',
      'cloudfront-default-domain',
      'cloudfront-origin-access-control',
      'guardduty-malware-protection-s3',
    ]);
    expect(ids(prodChina)).toEqual(AWS_CN_GAPS.map((g) => g.id));
  });

  it('refuses a custom domain there (CloudFront in China takes IAM server certificates, not ACM)', () => {
    expect(() =>
      synth({ stage: 'prod', region: 'cn-north-1', domain: 'parks.example.cn', ...apiDoor('cn-north-1') }),
    ).toThrow(/IAM server certificates/);
  });
});

describe('the Cognito plan', () => {
  it('is Plus with threat protection in prod unless the authority chooses Essentials', () => {
    const pool = (s: Synth) => only(s.app, 'AWS::Cognito::UserPool')[1].Properties;
    expect(pool(withZone)).toMatchObject({ UserPoolTier: 'PLUS' });
    expect(pool(withZone).UserPoolAddOns).toBeDefined();
    expect(pool(withoutZone)).toMatchObject({ UserPoolTier: 'ESSENTIALS' });
    expect(pool(withoutZone).UserPoolAddOns).toBeUndefined();
    expect(() => synth({ cognitoPlan: 'lite' })).toThrow(/essentials or plus/);
  });
});

describe('the app’s context', () => {
  it('refuses a domain without a region, a zone without a domain, and names that are not AWS regions', () => {
    expect(() => synth({ domain: 'parks.example.org' })).toThrow(/needs -c region/);
    expect(() => synth({ region: 'eu-central-1', hostedZoneId: ZONE })).toThrow(/needs -c domain/);
    expect(() => synth({ region: 'frankfurt' })).toThrow(/not an AWS region/);
  });
});
