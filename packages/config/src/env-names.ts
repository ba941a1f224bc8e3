/** The environment variables Parkbridge reads. infra sets them by these names; runtime parses them. */
export const EnvName = {
  tableName: 'PARKBRIDGE_TABLE_NAME',
  cursorSecret: 'PARKBRIDGE_CURSOR_SECRET',
  cursorSecretArn: 'PARKBRIDGE_CURSOR_SECRET_ARN',
  /** In prod: the secret CloudFront sends in ORIGIN_HEADER; unset (locally, in dev), no check. */
  originSecretArn: 'PARKBRIDGE_ORIGIN_SECRET_ARN',
  /** The origin secret's rotation function: the distribution whose origin header it rewrites. */
  distributionId: 'PARKBRIDGE_DISTRIBUTION_ID',
  dynamoEndpoint: 'PARKBRIDGE_DYNAMODB_ENDPOINT',
  minBiddingWindowS: 'PARKBRIDGE_MIN_BIDDING_WINDOW_S',
  holdTtlS: 'PARKBRIDGE_HOLD_TTL_S',
  snipingWindowS: 'PARKBRIDGE_SNIPING_WINDOW_S',
  maxSnipingExtensions: 'PARKBRIDGE_MAX_SNIPING_EXTENSIONS',
  maxClaimsPerOrgPerExpo: 'PARKBRIDGE_MAX_CLAIMS_PER_ORG_PER_EXPO',
  /** The name maxClaimsPerOrgPerExpo had while it counted holds only; still read when the new one is unset. */
  maxHoldsPerOrgPerExpo: 'PARKBRIDGE_MAX_HOLDS_PER_ORG_PER_EXPO',
  questionGraceS: 'PARKBRIDGE_QUESTION_GRACE_S',
  questionExtensionS: 'PARKBRIDGE_QUESTION_EXTENSION_S',
  webOrigin: 'PARKBRIDGE_WEB_ORIGIN',
  /** Quotas: PARKBRIDGE_QUOTA_<ACTION>_<USER|ORG> = <limit>/<window in seconds> | off (quotas.ts). */
  quotaPrefix: 'PARKBRIDGE_QUOTA_',
  /** Local server: browser origins allowed to call the API across origins, comma-separated (a web dev server). */
  corsOrigins: 'PARKBRIDGE_CORS_ORIGINS',
  /** The private bucket that keeps uploaded files (AWS; locally the server starts its own). */
  filesBucket: 'PARKBRIDGE_FILES_BUCKET',
  port: 'PORT',
  dataDir: 'PARKBRIDGE_DATA_DIR',
  seed: 'PARKBRIDGE_SEED',
  tokenSecret: 'PARKBRIDGE_TOKEN_SECRET',
  /** Lambda only: the API route groups an HTTP function mounts (comma-separated). */
  /** Lambda only: the names of the stream consumers (from allJobs) a stream function runs, comma-separated. */
  streamConsumers: 'PARKBRIDGE_STREAM_CONSUMERS',
} as const;
