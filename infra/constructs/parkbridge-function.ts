import { execFileSync } from 'node:child_process';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
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
  /** Also ship the whole API's OpenAPI document beside the bundle. @default false */
  readonly openApiDocument?: boolean;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default - unreserved: the account's shared pool */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The function's code: infra/bundling/lambda-bundle.ts run locally (no Docker) in a child process,
 * the same build the bundle tests and the cold-start bench measure. The asset is hashed by its
 * output, so an unchanged bundle is not uploaded again.
 */
function bundledCode(entry: string, openApiDocument: boolean): Code {
  const flags = openApiDocument ? ['--openapi'] : [];
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always answers (or fails the synth with esbuild's message).
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // Part of the asset's cache key, which must differ per entry.
      command: ['bundle', entry, ...flags],
      local: {
        tryBundle(outputDir) {
          const cli = repoPath('infra/bundling/bundle-cli.ts');
          execFileSync(process.execPath, ['--import', 'tsx', cli, entry, outputDir, ...flags], {
            cwd: REPO_ROOT,
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          return true;
        },
      },
    },
  });
}

/**
 * A Parkbridge Lambda function: arm64, Node.js 22, bundled by esbuild, active tracing, JSON logs in
 * its own log group with a retention, and a role of its own that starts with nothing but writing
 * to that log group. Everything else is granted explicitly (table, secret, queues).
 */
export class ParkbridgeFunction extends LambdaFunction {
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
      code: bundledCode(props.entry, props.openApiDocument ?? false),
      handler: 'index.handler',
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
