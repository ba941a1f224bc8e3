import { z } from 'zod';
import { EnvName } from './env-names';
import { parseRules, type Rules } from './rules';

const RuntimeEnv = z.object({
  tableName: z.string().min(3),
  cursorSecret: z.string().min(16),
  dynamoEndpoint: z.url().optional(),
  webOrigin: z.string().optional(),
});

export interface RuntimeConfig extends z.infer<typeof RuntimeEnv> {
  rules: Rules;
}

/** Parsed once at the composition root. Throws (never exits) so a bad deploy fails loudly at init. */
export function parseRuntimeConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<Pick<RuntimeConfig, 'cursorSecret'>> = {},
): RuntimeConfig {
  const base = RuntimeEnv.parse({
    tableName: env[EnvName.tableName],
    cursorSecret: overrides.cursorSecret ?? env[EnvName.cursorSecret],
    dynamoEndpoint: env[EnvName.dynamoEndpoint] || undefined,
    webOrigin: env[EnvName.webOrigin] || undefined,
  });
  return { ...base, rules: parseRules(env) };
}
