import {
  type CloudFrontClient,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { ORIGIN_HEADER } from '@parkbridge/config';

/** What Secrets Manager sends a rotation function, one call per step. */
export interface RotationEvent {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
}

export interface RotationClients {
  secrets: Pick<SecretsManagerClient, 'send'>;
  cloudfront: Pick<CloudFrontClient, 'send'>;
  distributionId: string;
}

/**
 * Rotates the origin secret (the value CloudFront sends in ORIGIN_HEADER, without which the API
 * answers 403): a new random value as AWSPENDING, written into the distribution's API origin,
 * then made current. The API admits the current, previous and pending values, so requests pass
 * while CloudFront's edges take the new header at their own pace.
 */
export async function rotate(event: RotationEvent, c: RotationClients): Promise<void> {
  const { SecretId, ClientRequestToken: token } = event;
  switch (event.Step) {
    case 'createSecret': {
      const pending = await c.secrets
        .send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }))
        .catch((err: { name?: string }) => {
          if (err?.name === 'ResourceNotFoundException') return null;
          throw err;
        });
      if (pending) return;
      const random = await c.secrets.send(
        new GetRandomPasswordCommand({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false }),
      );
      await c.secrets.send(
        new PutSecretValueCommand({
          SecretId,
          ClientRequestToken: token,
          SecretString: random.RandomPassword,
          VersionStages: ['AWSPENDING'],
        }),
      );
      return;
    }
    case 'setSecret': {
      const pending = await c.secrets.send(
        new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }),
      );
      const current = await c.cloudfront.send(new GetDistributionConfigCommand({ Id: c.distributionId }));
      const config = current.DistributionConfig;
      const headers = config?.Origins?.Items?.flatMap((o) => o.CustomHeaders?.Items ?? []) ?? [];
      const ours = headers.filter((h) => h.HeaderName?.toLowerCase() === ORIGIN_HEADER);
      if (!config || !ours.length)
        throw new Error(`No origin of ${c.distributionId} sends ${ORIGIN_HEADER}.`);
      for (const h of ours) h.HeaderValue = pending.SecretString;
      await c.cloudfront.send(
        new UpdateDistributionCommand({
          Id: c.distributionId,
          IfMatch: current.ETag,
          DistributionConfig: config,
        }),
      );
      return;
    }
    case 'testSecret':
      // CloudFront deploys the header to its edges over minutes; the API admits both values meanwhile.
      return;
    case 'finishSecret': {
      const described = await c.secrets.send(new DescribeSecretCommand({ SecretId }));
      const currentVersion = Object.entries(described.VersionIdsToStages ?? {}).find(([, stages]) =>
        stages.includes('AWSCURRENT'),
      )?.[0];
      if (currentVersion === token) return;
      await c.secrets.send(
        new UpdateSecretVersionStageCommand({
          SecretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: token,
          ...(currentVersion ? { RemoveFromVersionId: currentVersion } : {}),
        }),
      );
      return;
    }
  }
}
