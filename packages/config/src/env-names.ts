/** The environment variables Parkbridge reads. infra sets them by these names; runtime parses them. */
export const EnvName = {
  tableName: 'PARKBRIDGE_TABLE_NAME',
  cursorSecret: 'PARKBRIDGE_CURSOR_SECRET',
  cursorSecretArn: 'PARKBRIDGE_CURSOR_SECRET_ARN',
  dynamoEndpoint: 'PARKBRIDGE_DYNAMODB_ENDPOINT',
  minBiddingWindowS: 'PARKBRIDGE_MIN_BIDDING_WINDOW_S',
  holdTtlS: 'PARKBRIDGE_HOLD_TTL_S',
  snipingWindowS: 'PARKBRIDGE_SNIPING_WINDOW_S',
  maxSnipingExtensions: 'PARKBRIDGE_MAX_SNIPING_EXTENSIONS',
  maxHoldsPerOrgPerExpo: 'PARKBRIDGE_MAX_HOLDS_PER_ORG_PER_EXPO',
  questionGraceS: 'PARKBRIDGE_QUESTION_GRACE_S',
  questionExtensionS: 'PARKBRIDGE_QUESTION_EXTENSION_S',
  webOrigin: 'PARKBRIDGE_WEB_ORIGIN',
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
