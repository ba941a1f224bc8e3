import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { OriginDoor } from '@parkbridge/api';

/** The version stages whose values CloudFront may be sending while a rotation rolls out. */
const STAGES = ['AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING'] as const;
const REFRESH_MS = 5 * 60_000;
/** A value not known yet is looked up again at most this often (a rotation just finished). */
const MISS_REFRESH_MS = 30_000;

/**
 * The origin secret's live values, from Secrets Manager: the current one, the previous one (edges
 * CloudFront has not updated yet) and the pending one (edges it has, during a rotation). Read at
 * cold start, every five minutes, and again on an unknown value (at most twice a minute).
 */
export function secretOriginDoor(
  secretArn: string,
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
  now: () => number = Date.now,
): OriginDoor & { refresh(): Promise<void> } {
  let values = new Set<string>();
  let readAt = Number.NEGATIVE_INFINITY;

  async function refresh() {
    const read = await Promise.all(
      STAGES.map((stage) =>
        client
          .send(new GetSecretValueCommand({ SecretId: secretArn, VersionStage: stage }))
          .then((out) => out.SecretString)
          .catch((err: { name?: string }) => {
            // No previous or pending version yet: nothing to admit for that stage.
            if (err?.name === 'ResourceNotFoundException') return undefined;
            throw err;
          }),
      ),
    );
    const next = new Set(read.filter((v): v is string => typeof v === 'string' && v.length > 0));
    if (!next.size) throw new Error(`The origin secret ${secretArn} has no value.`);
    values = next;
    readAt = now();
  }

  return {
    refresh,
    async admits(value) {
      if (!value) return false;
      if (now() - readAt > REFRESH_MS) await refresh();
      if (values.has(value)) return true;
      if (now() - readAt > MISS_REFRESH_MS) {
        await refresh();
        return values.has(value);
      }
      return false;
    },
  };
}
