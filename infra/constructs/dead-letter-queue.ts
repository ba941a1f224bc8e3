import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** What ends up here and how to replay it (docs/operations.md). */
  readonly purpose: string;
  /** @default Duration.days(14), SQS's maximum: time to investigate and replay */
  readonly retentionPeriod?: Duration;
}

/** Where an async path parks what it could not process: encrypted, TLS only, kept 14 days. */
export class DeadLetterQueue extends Queue {
  readonly purpose: string;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? Duration.days(14),
    });
    this.purpose = props.purpose;
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue; an alarm watches its depth.',
    });
  }
}
