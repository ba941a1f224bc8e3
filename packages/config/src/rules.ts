import { z } from 'zod';
import { EnvName } from './env-names';
import { parseQuotas, type QuotaLimits } from './quotas';

const seconds = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(366 * 86400)
    .default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).max(1000).default(fallback);

/** The marketplace's tunable rules; docs/api.md lists them with these defaults. */
export const RulesSchema = z.object({
  minBiddingWindowS: seconds(3600),
  holdTtlS: seconds(900),
  snipingWindowS: seconds(300),
  maxSnipingExtensions: count(10),
  /** Live claims on an expo's slots per organisation: holds and submitted requests together. */
  maxClaimsPerOrgPerExpo: count(3),
  /** A question unanswered this close to the close extends it ... */
  questionGraceS: seconds(86400),
  /** ... by this much, once per need. */
  questionExtensionS: seconds(86400),
});
export type Rules = z.infer<typeof RulesSchema> & {
  /** Per action, person and organisation: how many per window (quotas.ts). */
  quotas: QuotaLimits;
};

export function parseRules(env: Record<string, string | undefined>): Rules {
  const rules = RulesSchema.parse({
    minBiddingWindowS: env[EnvName.minBiddingWindowS] || undefined,
    holdTtlS: env[EnvName.holdTtlS] || undefined,
    snipingWindowS: env[EnvName.snipingWindowS] || undefined,
    maxSnipingExtensions: env[EnvName.maxSnipingExtensions] || undefined,
    maxClaimsPerOrgPerExpo:
      env[EnvName.maxClaimsPerOrgPerExpo] || env[EnvName.maxHoldsPerOrgPerExpo] || undefined,
    questionGraceS: env[EnvName.questionGraceS] || undefined,
    questionExtensionS: env[EnvName.questionExtensionS] || undefined,
  });
  return { ...rules, quotas: parseQuotas(env) };
}
