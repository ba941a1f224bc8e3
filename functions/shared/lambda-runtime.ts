import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvName, parseRuntimeConfig, type RuntimeConfig } from '@parkbridge/config';
import { createDb, createDocumentClient, type Db } from '@parkbridge/db';
import type { FileServices } from '@parkbridge/domain/documents';
import { HmacUnsubscribeTokens } from '@parkbridge/mail/tokens';
import { type Container, type ContextBuilders, composeContainer } from '@parkbridge/runtime';
import { tracer } from './observability';

type Env = Record<string, string | undefined>;

/**
 * The cursor-signing secret: from Secrets Manager when the function is given its ARN (in AWS),
 * else from the plain variable (local runs and tests). Read once per container.
 */
export function loadCursorSecret(env: Env, client?: Pick<SecretsManagerClient, 'send'>) {
  return loadSecret(env, EnvName.cursorSecretArn, EnvName.cursorSecret, client);
}

/** A secret by its ARN (AWS) or its plain variable (local runs and tests). */
export async function loadSecret(
  env: Env,
  arnName: string,
  plainName: string,
  client?: Pick<SecretsManagerClient, 'send'>,
): Promise<string | undefined> {
  const arn = env[arnName];
  if (!arn) return env[plainName];
  // Built only when there is a secret to read: a client resolves its config at construction.
  const secrets = client ?? new SecretsManagerClient({});
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`The secret ${arn} has no string value.`);
  return out.SecretString;
}

export interface LambdaRuntime {
  config: RuntimeConfig;
  db: Db;
  container: Container;
}

/**
 * The composition root of a Lambda container, run once at cold start: config parsed with zod
 * (a bad deploy fails at init, loudly), the secret read, the traced DynamoDB client, and a
 * container of core plus the contexts this function imports (and so bundles).
 */
export async function createLambdaRuntime(
  contexts: Partial<ContextBuilders>,
  env: Env = process.env,
  /** Object storage, for the one function that serves files (only its bundle carries the S3 client). */
  files?: (env: Env) => FileServices,
): Promise<LambdaRuntime> {
  const [cursorSecret, mailSecret] = await Promise.all([
    loadCursorSecret(env),
    contexts.mail ? loadSecret(env, EnvName.mailSecretArn, EnvName.mailSecret) : undefined,
  ]);
  const config = parseRuntimeConfig(env, cursorSecret ? { cursorSecret } : {});
  const doc = tracer.captureAWSv3Client(createDocumentClient({ endpoint: config.dynamoEndpoint }));
  const db = createDb({ tableName: config.tableName, cursorSecret: config.cursorSecret, doc });
  const container = composeContainer(db, config.rules, contexts, files?.(env));
  // Functions that sign or read unsubscribe links get the key; the others (the stream planner) need none.
  if (mailSecret) {
    container.mail.configure({ tokens: new HmacUnsubscribeTokens(mailSecret), webOrigin: config.webOrigin });
  }
  return { config, db, container };
}
