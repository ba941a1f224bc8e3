import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { REPO_ROOT, repoPath } from '../paths';

export interface ParkbridgeFunctionProps {
  /** The entry file, relative to the repository root (e.g. functions/http/handler.ts). */
  readonly entry: string;
  /** Powertools service name: the `service` of every log line, metric and trace. */
  readonly serviceName: string;
  readonly description: string;
  /** @default - none besides Powertools' and Node's */
  readonly environment?: Record<string, string>;
  /** @default 1024 (arm64 Lambda gets CPU in proportion: faster cold starts) */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default RetentionDays.TWO_WEEKS */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default - unreserved: the account's shared pool */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * esbuild, locally (no Docker): one minified ESM file for Node.js 22 with source maps. ESM bundles of
 * CommonJS dependencies need a `require`, which the banner provides.
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  // Bundle the SDK rather than use the runtime's copy: the versions the tests ran are the ones deployed.
  bundleAwsSDK: true,
  externalModules: [],
  banner:
    "import { createRequire as __pbCreateRequire } from 'node:module'; const require = __pbCreateRequire(import.meta.url);",
  tsconfig: repoPath('tsconfig.json'),
};

/**
 * A Parkbridge Lambda function: arm64, Node.js 22, bundled by esbuild, active tracing, JSON logs in
 * its own log group with a retention, and a role of its own that starts with nothing but writing
 * to that log group. Everything else is granted explicitly (table, secret, queues).
 */
export class ParkbridgeFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ParkbridgeFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.TWO_WEEKS,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // Not AWSLambdaBasicExecutionRole: that one may write to every log group in the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.serviceName}`,
    });
    super(scope, id, {
      entry: repoPath(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: repoPath('package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Parkbridge',
        ...props.environment,
      },
      bundling: BUNDLING,
    });
    logGroup.grantWrite(role);
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to Node.js 22, the runtime the code is built (esbuild target node22) and tested for; moving up is a deliberate upgrade.',
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing) use "*": X-Ray supports no resource-level permissions.',
    });
  }
}
