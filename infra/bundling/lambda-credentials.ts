import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Stands in for @aws-sdk/credential-provider-node in Lambda bundles (see lambda-bundle.ts). Lambda
 * hands every function its role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, the first link of the SDK's default chain; the other links (SSO, ini files,
 * credential processes, web identity, instance metadata) never run there, yet their clients made up
 * a tenth of every bundle.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]): AwsCredentialIdentityProvider =>
  fromEnv(init);
