import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type ILambdaDeploymentConfig, LambdaDeploymentConfig } from 'aws-cdk-lib/aws-codedeploy';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** What differs between the two ways of running Parkbridge: a disposable dev stack and production. */
export interface StageSettings {
  name: 'dev' | 'prod';
  /** Stateful resources (table, user pool, buckets): destroyed with a dev stack, kept in prod. */
  removalPolicy: RemovalPolicy;
  /** Table and user pool refuse deletion (in prod). */
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** How far back the table can be restored (1–35 days). */
  pitrRecoveryDays: number;
  /** Attach AWS WAF to the CloudFront distribution. */
  waf: boolean;
  /**
   * CloudFront (and its WAF) is the API's only door: the HTTP API's default execute-api endpoint
   * is off, CloudFront reaches the API at its own domain, and the API answers only requests that
   * carry the rotated origin secret CloudFront adds.
   */
  cloudFrontOnly: boolean;
  /** Every user signs in with a TOTP second factor (Cognito cannot require MFA for some groups only). */
  mfaRequired: boolean;
  /** Requests per second and burst across the HTTP API's stage. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** Concurrency kept for the stream consumers and the schedule runner (undefined: unreserved). */
  reservedConcurrency: { stream: number | undefined; schedule: number | undefined };
  alarms: AlarmThresholds;
  /** How a release of the API's functions reaches traffic (CodeDeploy, rolled back by the alarms). */
  rollout: ILambdaDeploymentConfig;
  /** Extra web origins allowed by CORS and the sign-in callbacks (a local web dev server in dev). */
  devOrigins: string[];
}

export interface AlarmThresholds {
  /** API 5xx answers in 5 minutes. */
  api5xx: number;
  /** API p99 latency, milliseconds, over 5 minutes. */
  apiLatencyP99Ms: number;
  /** Errors of any one function in 5 minutes. */
  lambdaErrors: number;
  /** Throttles of any one function in 5 minutes. */
  lambdaThrottles: number;
  /** Age of the oldest stream record a consumer has not finished. */
  iteratorAge: Duration;
  /** Throttled table requests in 5 minutes. */
  tableThrottles: number;
}

export const STAGES: Record<StageSettings['name'], StageSettings> = {
  dev: {
    name: 'dev',
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    logRetention: RetentionDays.TWO_WEEKS,
    pitrRecoveryDays: 7,
    waf: false,
    cloudFrontOnly: false,
    mfaRequired: false,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    // A new account's concurrency quota (often 10) leaves nothing to reserve in dev.
    reservedConcurrency: { stream: undefined, schedule: undefined },
    alarms: {
      api5xx: 20,
      apiLatencyP99Ms: 5000,
      lambdaErrors: 10,
      lambdaThrottles: 10,
      iteratorAge: Duration.minutes(15),
      tableThrottles: 50,
    },
    rollout: LambdaDeploymentConfig.ALL_AT_ONCE,
    devOrigins: ['http://localhost:3000', 'http://localhost:5173'],
  },
  prod: {
    name: 'prod',
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.ONE_YEAR,
    pitrRecoveryDays: 35,
    waf: true,
    cloudFrontOnly: true,
    mfaRequired: true,
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
    reservedConcurrency: { stream: 5, schedule: 2 },
    alarms: {
      api5xx: 5,
      apiLatencyP99Ms: 2000,
      lambdaErrors: 1,
      lambdaThrottles: 1,
      iteratorAge: Duration.minutes(2),
      tableThrottles: 1,
    },
    rollout: LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
    devOrigins: [],
  },
};

/** Cognito's feature plans the stack offers: Plus adds threat protection. */
export type CognitoPlan = 'essentials' | 'plus';
export const isCognitoPlan = (value: unknown): value is CognitoPlan =>
  value === 'essentials' || value === 'plus';

export function stageFrom(value: unknown): StageSettings {
  const name = value ?? 'dev';
  if (name !== 'dev' && name !== 'prod') {
    throw new Error(`Unknown stage "${String(name)}": use -c stage=dev or -c stage=prod.`);
  }
  return STAGES[name];
}
