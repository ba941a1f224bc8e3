import { describe, expect, it } from 'vitest';
import { validationRecordIn } from '../../scripts/deploy/aws';
import { cdkContextArgs, parseDeployOptions } from '../../scripts/deploy/options';

describe('the deploy command line', () => {
  it('becomes the CDK context the app reads', () => {
    const o = parseDeployOptions([
      '--stage',
      'prod',
      '--region',
      'me-central-1',
      '--domain',
      'Souq.Example.AE',
      '--hosted-zone-id',
      'Z0123',
      '--alarm-email',
      'ops@example.ae',
      '--cognito-plan',
      'essentials',
      '--api-domain',
      'api.souq.example.ae',
      '--api-certificate-arn',
      'arn:aws:acm:me-central-1:123456789012:certificate/abc',
    ]);
    expect(o).toMatchObject({
      stage: 'prod',
      region: 'me-central-1',
      domain: 'souq.example.ae',
      dryRun: false,
    });
    expect(o.out).toBe('cdk.out/deploy-prod-me-central-1');
    expect(cdkContextArgs(o)).toEqual([
      '-c',
      'stage=prod',
      '-c',
      'region=me-central-1',
      '-c',
      'domain=souq.example.ae',
      '-c',
      'hostedZoneId=Z0123',
      '-c',
      'alarmEmail=ops@example.ae',
      '-c',
      'cognitoPlan=essentials',
      '-c',
      'apiDomainName=api.souq.example.ae',
      '-c',
      'apiCertificateArn=arn:aws:acm:me-central-1:123456789012:certificate/abc',
    ]);
  });

  it('takes the first operator with the deploy', () => {
    const o = parseDeployOptions(
      '--region ap-southeast-1 --operator-email ops@tl.example.vn --authority-name Thang --country VN'.split(
        ' ',
      ),
    );
    expect(o.operator).toEqual({ email: 'ops@tl.example.vn', name: 'Thang', country: 'VN' });
    expect(o.stage).toBe('dev');
  });

  it('says what is wrong with a bad command line', () => {
    expect(() => parseDeployOptions(['--stage', 'qa', '--region', 'eu-west-1'])).toThrow(/dev or prod/);
    expect(() => parseDeployOptions(['--region', 'Frankfurt'])).toThrow(/not an AWS region/);
    expect(() => parseDeployOptions(['--region', 'eu-west-1', '--hosted-zone-id', 'Z1'])).toThrow(
      /needs --domain/,
    );
    expect(() => parseDeployOptions(['--region', 'eu-west-1', '--colour'])).toThrow(/colour/);
    expect(() => parseDeployOptions(['--stage', 'prod', '--region', 'eu-west-1'])).toThrow(/--api-domain/);
    expect(() => parseDeployOptions(['--region', 'eu-west-1', '--cognito-plan', 'lite'])).toThrow(
      /essentials or plus/,
    );
  });
});

describe('the certificate validation record', () => {
  it('is read from CloudFormation’s event text for a pending certificate', () => {
    const reason =
      'Content of DNS Record is: {Name: _3f1a.parks.example.org.,Type: CNAME,Value: _9be2.acm-validations.aws.}';
    expect(validationRecordIn(reason)).toBe('_3f1a.parks.example.org. CNAME _9be2.acm-validations.aws.');
    expect(validationRecordIn('Resource creation Initiated')).toBeUndefined();
    expect(validationRecordIn(undefined)).toBeUndefined();
  });
});
