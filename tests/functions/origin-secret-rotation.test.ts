import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { ORIGIN_HEADER } from '@parkbridge/config';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RotationEvent, rotate } from '../../functions/ops/origin-secret-rotation';

// Neither Secrets Manager nor CloudFront has a local stand-in: their answers are given here.
const secrets = mockClient(SecretsManagerClient);
const cloudfront = mockClient(CloudFrontClient);
const SecretId = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:OriginSecret-AbCdEf';
const clients = () => ({
  secrets: new SecretsManagerClient({}),
  cloudfront: new CloudFrontClient({}),
  distributionId: 'E2EXAMPLE',
});
const step = (Step: RotationEvent['Step']): RotationEvent => ({ SecretId, ClientRequestToken: 'v2', Step });
const notFound = () => Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });

beforeEach(() => {
  secrets.reset();
  cloudfront.reset();
});

describe('the origin secret’s rotation', () => {
  it('creates a random pending value once, however often Secrets Manager retries the step', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(notFound()).resolves({ SecretString: 'new' });
    secrets.on(GetRandomPasswordCommand).resolves({ RandomPassword: 'new' });
    await rotate(step('createSecret'), clients());
    await rotate(step('createSecret'), clients());
    const puts = secrets.commandCalls(PutSecretValueCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.args[0].input).toMatchObject({
      SecretId,
      ClientRequestToken: 'v2',
      SecretString: 'new',
      VersionStages: ['AWSPENDING'],
    });
  });

  it('writes the pending value into the API origin’s header, guarded by the distribution’s ETag', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'new' });
    const origin = (id: string, headers: { HeaderName: string; HeaderValue: string }[]) => ({
      Id: id,
      DomainName: `${id}.example.org`,
      CustomHeaders: { Quantity: headers.length, Items: headers },
    });
    cloudfront.on(GetDistributionConfigCommand).resolves({
      ETag: 'E1',
      DistributionConfig: {
        Origins: {
          Quantity: 2,
          Items: [origin('site', []), origin('api', [{ HeaderName: ORIGIN_HEADER, HeaderValue: 'old' }])],
        },
      } as never,
    });
    cloudfront.on(UpdateDistributionCommand).resolves({});
    await rotate(step('setSecret'), clients());
    const update = cloudfront.commandCalls(UpdateDistributionCommand)[0]!.args[0].input;
    expect(update.IfMatch).toBe('E1');
    expect(update.Id).toBe('E2EXAMPLE');
    expect(update.DistributionConfig?.Origins?.Items?.[1]?.CustomHeaders?.Items).toEqual([
      { HeaderName: ORIGIN_HEADER, HeaderValue: 'new' },
    ]);
    expect(update.DistributionConfig?.Origins?.Items?.[0]?.CustomHeaders?.Items).toEqual([]);
  });

  it('refuses to rotate a distribution that does not send the origin header, rather than lock CloudFront out', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'new' });
    cloudfront.on(GetDistributionConfigCommand).resolves({
      ETag: 'E1',
      DistributionConfig: { Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'x' }] } } as never,
    });
    await expect(rotate(step('setSecret'), clients())).rejects.toThrow(ORIGIN_HEADER);
    expect(cloudfront.commandCalls(UpdateDistributionCommand)).toHaveLength(0);
  });

  it('makes the pending value current at the end, keeping the old one as previous', async () => {
    secrets.on(DescribeSecretCommand).resolves({
      VersionIdsToStages: { v1: ['AWSCURRENT'], v2: ['AWSPENDING'] },
    });
    await rotate(step('finishSecret'), clients());
    expect(secrets.commandCalls(UpdateSecretVersionStageCommand)[0]!.args[0].input).toEqual({
      SecretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: 'v2',
      RemoveFromVersionId: 'v1',
    });
    secrets.reset();
    secrets.on(DescribeSecretCommand).resolves({ VersionIdsToStages: { v2: ['AWSCURRENT'] } });
    await rotate(step('finishSecret'), clients());
    expect(secrets.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
  });
});
