import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvName } from '@parkbridge/config';
import { instrument, logger } from '../shared/observability';
import { type RotationEvent, rotate } from './origin-secret-rotation';

const distributionId = process.env[EnvName.distributionId];
if (!distributionId) throw new Error(`${EnvName.distributionId} is not set.`);
const clients = {
  secrets: new SecretsManagerClient({}),
  cloudfront: new CloudFrontClient({}),
  distributionId,
};

/** Secrets Manager's rotation of the origin secret (origin-secret-rotation.ts). */
export const handler = instrument<RotationEvent, void>(async (event) => {
  logger.info('Rotating the origin secret', { step: event.Step });
  await rotate(event, clients);
});
