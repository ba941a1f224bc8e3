import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnvName } from '@parkbridge/config';
import { createMarketContext } from '@parkbridge/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaRuntime, loadCursorSecret } from '../../functions/shared/lambda-runtime';

const ARN = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:CursorSecret-AbCdEf';
const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());

describe('the Lambda composition root', () => {
  it('reads the cursor secret from Secrets Manager when given its ARN', async () => {
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'k'.repeat(64) });
    await expect(
      loadCursorSecret({ [EnvName.cursorSecretArn]: ARN }, new SecretsManagerClient({})),
    ).resolves.toBe('k'.repeat(64));
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('uses the plain variable where there is no ARN (local runs)', async () => {
    await expect(loadCursorSecret({ [EnvName.cursorSecret]: 'local-secret-0123456789' })).resolves.toBe(
      'local-secret-0123456789',
    );
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('fails the cold start when the secret has no string value', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2]) });
    await expect(
      loadCursorSecret({ [EnvName.cursorSecretArn]: ARN }, new SecretsManagerClient({})),
    ).rejects.toThrow(/has no string value/);
  });

  it('builds the container once from the secret and the parsed config', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 's'.repeat(64) });
    const runtime = await createLambdaRuntime(
      { market: createMarketContext },
      {
        [EnvName.tableName]: 'Parkbridge-dev-Table',
        [EnvName.cursorSecretArn]: ARN,
        [EnvName.holdTtlS]: '600',
        AWS_REGION: 'eu-central-1',
      },
    );
    expect(runtime.config).toMatchObject({ tableName: 'Parkbridge-dev-Table', cursorSecret: 's'.repeat(64) });
    expect(runtime.config.rules.holdTtlS).toBe(600);
    expect(runtime.container.repos.parks).toBeDefined();
    expect(runtime.container.market.needs).toBeDefined();
    // A context the function did not compose is a wiring mistake, named when reached.
    expect(() => runtime.container.bidding).toThrow('The bidding context is not composed in this function.');
    runtime.db.doc.destroy();
  });

  it('refuses to start without a table name (a bad deploy fails at init, loudly)', async () => {
    await expect(
      createLambdaRuntime({}, { [EnvName.cursorSecret]: 'local-secret-0123456789' }),
    ).rejects.toThrow();
  });
});
