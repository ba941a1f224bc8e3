import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AlarmThresholds } from '../stacks/stage';

export interface OperationsAlarmsProps {
  readonly thresholds: AlarmThresholds;
  /**
   * Who gets the alarms by e-mail.
   * @default - nobody: subscribe to the topic yourself
   */
  readonly email?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms on everything that can go wrong unseen (API 5xx and latency, function errors and
 * throttles, stream iterator age, dead letters, table throttles), all to one encrypted SNS topic,
 * and one dashboard that shows the same signals.
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly thresholds: AlarmThresholds;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    this.thresholds = props.thresholds;
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the Parkbridge alarm topic',
      enableKeyRotation: true,
    });
    // CloudWatch publishes alarms to the encrypted topic, so it must be able to use the key.
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Parkbridge alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Parkbridge\nAPI, functions, streams, dead letters and the table. Runbook: docs/operations.md',
        width: 24,
        height: 2,
      }),
    );
  }

  /** An alarm made by one of the watch methods: `Api5xx`, `<label>Errors`, ... */
  named(id: string): Alarm {
    const alarm = this.node.tryFindChild(id);
    if (!(alarm instanceof Alarm)) throw new Error(`No alarm ${id}: watch it first.`);
    return alarm;
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  watchApi(api: HttpApi): void {
    const errors = api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const latency = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    this.alarm(
      'Api5xx',
      errors,
      this.thresholds.api5xx,
      'The API answered 5xx (see the access log and the functions).',
    );
    this.alarm(
      'ApiLatency',
      latency,
      this.thresholds.apiLatencyP99Ms,
      'The API is slow at the 99th percentile.',
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [
          api.metricCount({ period: FIVE_MINUTES }),
          api.metricClientError({ period: FIVE_MINUTES }),
          errors,
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency',
        left: [api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }), latency],
        width: 12,
      }),
    );
  }

  watchFunctions(functions: Record<string, IFunction>): void {
    const errors: IMetric[] = [];
    const throttles: IMetric[] = [];
    const durations: IMetric[] = [];
    for (const [label, fn] of Object.entries(functions)) {
      // Labels only on the dashboard: an alarm on a labelled metric renders as metric math.
      const e = fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
      const t = fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' });
      this.alarm(`${label}Errors`, e, this.thresholds.lambdaErrors, `The ${label} function failed.`);
      this.alarm(
        `${label}Throttles`,
        t,
        this.thresholds.lambdaThrottles,
        `The ${label} function was throttled.`,
      );
      errors.push(e.with({ label }));
      throttles.push(t.with({ label }));
      durations.push(fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label }));
    }
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: errors, width: 8 }),
      new GraphWidget({ title: 'Function throttles', left: throttles, width: 8 }),
      new GraphWidget({ title: 'Function duration p99', left: durations, width: 8 }),
    );
  }

  watchStreamConsumers(consumers: Record<string, IFunction>): void {
    const ages: IMetric[] = [];
    for (const [label, fn] of Object.entries(consumers)) {
      const age = fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' });
      this.alarm(
        `${label}IteratorAge`,
        age,
        this.thresholds.iteratorAge.toMilliseconds(),
        `The ${label} consumer is falling behind the table's stream.`,
      );
      ages.push(age.with({ label }));
    }
    this.dashboard.addWidgets(new GraphWidget({ title: 'Stream iterator age (ms)', left: ages, width: 12 }));
  }

  watchDeadLetterQueues(queues: Record<string, IQueue>): void {
    const depths: IMetric[] = [];
    for (const [label, queue] of Object.entries(queues)) {
      const depth = queue.metricApproximateNumberOfMessagesVisible({
        period: FIVE_MINUTES,
        statistic: 'Maximum',
      });
      this.alarm(
        `${label}DeadLetters`,
        depth,
        1,
        `${label}: messages are waiting in a dead-letter queue (replay: docs/operations.md).`,
      );
      depths.push(depth.with({ label }));
    }
    this.dashboard.addWidgets(new GraphWidget({ title: 'Dead-letter queue depth', left: depths, width: 12 }));
  }

  watchTable(table: TableV2): void {
    const metric = (name: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: name,
        dimensionsMap: { TableName: table.tableName },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    const throttles = new MathExpression({
      expression: 'FILL(r, 0) + FILL(w, 0)',
      usingMetrics: { r: metric('ReadThrottleEvents'), w: metric('WriteThrottleEvents') },
      period: FIVE_MINUTES,
      label: 'Throttled requests',
    });
    this.alarm(
      'TableThrottles',
      throttles,
      this.thresholds.tableThrottles,
      'DynamoDB throttled requests (a hot partition?).',
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Table capacity used',
        left: [metric('ConsumedReadCapacityUnits'), metric('ConsumedWriteCapacityUnits')],
        width: 12,
      }),
      new GraphWidget({ title: 'Table throttles', left: [throttles], width: 12 }),
    );
  }
}
