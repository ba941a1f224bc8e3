import { EnvName } from '@parkbridge/config';
import { Aws, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import { ParkbridgeFunction } from './parkbridge-function';
import type { ParkbridgeTable } from './parkbridge-table';

export interface ScheduledJobsProps {
  readonly jobs: readonly { name: string; every: Duration; description: string }[];
  readonly table: ParkbridgeTable;
  readonly cursorSecret: ISecret;
  /** @default - unreserved */
  readonly reservedConcurrentExecutions?: number;
  /** @default RetentionDays.TWO_WEEKS */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * EventBridge Scheduler schedules that run ScheduledJobs by name in one function. Both async hops
 * have a dead-letter queue: the scheduler's (the function could not be invoked) and the function's
 * own failure destination (the job threw after its retries).
 */
export class ScheduledJobs extends Construct {
  readonly function: ParkbridgeFunction;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly schedules: Schedule[] = [];

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      purpose: 'Scheduled job runs that could not be invoked or failed after their retries',
    });
    this.function = new ParkbridgeFunction(this, 'Function', {
      entry: 'functions/schedules/handler.ts',
      serviceName: 'schedules',
      description: `Runs scheduled jobs: ${props.jobs.map((j) => j.name).join(', ')}`,
      timeout: Duration.seconds(60),
      environment: {
        [EnvName.tableName]: props.table.tableName,
        [EnvName.cursorSecretArn]: props.cursorSecret.secretArn,
      },
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
    });
    props.table.grantReadWriteData(this.function);
    props.cursorSecret.grantRead(this.function);
    // A run that keeps failing is stale by the next one: two retries, then the dead-letter queue.
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.minutes(10),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    const schedulerRole = schedulerRoleFor(
      this,
      this.function,
      'EventBridge Scheduler invokes the scheduled-jobs function',
    );
    for (const job of props.jobs) {
      this.schedules.push(
        jobSchedule(this, `Schedule-${job.name}`, {
          fn: this.function,
          role: schedulerRole,
          job,
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.minutes(10),
        }),
      );
    }
  }
}

/** The role EventBridge Scheduler takes to invoke one function, and nothing else. */
export function schedulerRoleFor(scope: Construct, fn: ParkbridgeFunction, description: string): Role {
  const role = new Role(scope, 'SchedulerRole', {
    description,
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const fnLogicalId = Stack.of(scope).getLogicalId(fn.node.defaultChild as CfnFunction);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
    reason:
      'Invocation (lambda:InvokeFunction) of this one function only, its versions and aliases included (the ":*").',
  });
  return role;
}

/** A rate schedule that invokes `fn` with a job's name (what the schedules handler dispatches on). */
export function jobSchedule(
  scope: Construct,
  id: string,
  o: {
    fn: ParkbridgeFunction;
    role: Role;
    job: { name: string; every: Duration; description: string };
    deadLetterQueue: IQueue;
    retryAttempts: number;
    maxEventAge: Duration;
  },
): Schedule {
  return new Schedule(scope, id, {
    description: o.job.description,
    schedule: ScheduleExpression.rate(o.job.every),
    timeWindow: TimeWindow.off(),
    target: new LambdaInvoke(o.fn, {
      input: ScheduleTargetInput.fromObject({
        job: o.job.name,
        scheduledTime: ContextAttribute.scheduledTime,
        executionId: ContextAttribute.executionId,
      }),
      role: o.role,
      deadLetterQueue: o.deadLetterQueue,
      retryAttempts: o.retryAttempts,
      maxEventAge: o.maxEventAge,
    }),
  });
}
