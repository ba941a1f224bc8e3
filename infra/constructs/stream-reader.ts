import { EnvName } from '@parkbridge/config';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import { ParkbridgeFunction } from './parkbridge-function';
import type { ParkbridgeTable } from './parkbridge-table';

export interface StreamReaderProps {
  /** The reader's name (service name `stream-<name>`). */
  readonly readerName: string;
  /** The consumers it runs, by their names in allJobs() (packages/jobs). */
  readonly consumerNames: readonly string[];
  readonly table: ParkbridgeTable;
  readonly cursorSecret: ISecret;
  /** @default 100 */
  readonly batchSize?: number;
  /**
   * Records older than this go to the dead-letter queue instead of being retried.
   * @default Duration.hours(6)
   */
  readonly maxRecordAge?: Duration;
  /** @default 10 */
  readonly retryAttempts?: number;
  /** @default - unreserved */
  readonly reservedConcurrentExecutions?: number;
  /** @default RetentionDays.TWO_WEEKS */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * A Lambda reading the table's stream and running its consumers: batch-item failures reported,
 * bisect on error, bounded retries and record age, and an SQS dead-letter destination that keeps
 * the failed batches' stream coordinates for replay.
 */
export class StreamReader extends Construct {
  readonly function: ParkbridgeFunction;
  readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: StreamReaderProps) {
    super(scope, id);
    if (!props.consumerNames.length) throw new Error(`Stream reader ${props.readerName} has no consumer.`);
    this.function = new ParkbridgeFunction(this, 'Function', {
      entry: 'functions/streams/handler.ts',
      serviceName: `stream-${props.readerName}`,
      description: `Stream consumers: ${props.consumerNames.join(', ')}`.slice(0, 256),
      timeout: Duration.seconds(60),
      environment: {
        [EnvName.tableName]: props.table.tableName,
        [EnvName.cursorSecretArn]: props.cursorSecret.secretArn,
        [EnvName.streamConsumers]: props.consumerNames.join(','),
      },
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
    });
    props.table.grantReadWriteData(this.function);
    props.cursorSecret.grantRead(this.function);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      purpose: `Stream batches the "${props.readerName}" reader could not process`,
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize ?? 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: props.retryAttempts ?? 10,
        maxRecordAge: props.maxRecordAge ?? Duration.hours(6),
        // Ten batches of a shard at once (order is still kept per item key): matching leaves its
        // long runs as work items (one per step), which then proceed side by side, not in file.
        parallelizationFactor: 10,
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );
  }
}
