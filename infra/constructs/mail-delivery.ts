import { EnvName } from '@parkbridge/config';
import { Aws, CfnOutput, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import { ParkbridgeFunction } from './parkbridge-function';
import type { ParkbridgeTable } from './parkbridge-table';
import { jobSchedule, schedulerRoleFor } from './scheduled-jobs';

export interface MailDeliveryProps {
  /** The stage's sending domain (verified in SES with Easy DKIM: docs/operations.md). */
  readonly domain: string;
  /** @default `no-reply@${domain}` */
  readonly fromAddress?: string;
  /** Where the links in emails lead: the web app's origin. */
  readonly webOrigin: string;
  readonly table: ParkbridgeTable;
  readonly cursorSecret: ISecret;
  /** Signs the unsubscribe links (the HTTP API checks them with the same key). */
  readonly mailSecret: ISecret;
  /** @default RetentionDays.TWO_WEEKS */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * Email in AWS: the stage's SES v2 sending identity (a domain, DKIM-signed) and configuration set
 * (TLS required, SES's own suppression of bounces and complaints on top of ours), the sender that
 * empties the outbox every minute through SES, and the bounce and complaint path: the
 * configuration set's event destination, an encrypted SNS topic, and the function that puts each
 * address on the project's suppression list and tells its person in the app.
 */
export class MailDelivery extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly fromAddress: string;
  readonly sender: ParkbridgeFunction;
  readonly events: ParkbridgeFunction;
  readonly eventTopic: Topic;
  readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: MailDeliveryProps) {
    super(scope, id);
    this.fromAddress = props.fromAddress ?? `no-reply@${props.domain}`;
    const logs = {
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      ...(props.logRemovalPolicy ? { logRemovalPolicy: props.logRemovalPolicy } : {}),
    };

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.domain),
      configurationSet: this.configurationSet,
      // Easy DKIM: SES signs with its own 2048-bit keys; the three CNAMEs are in the outputs.
      dkimSigning: true,
    });
    this.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${i + 1} of 3 for ${props.domain} (docs/operations.md, "Email")`,
      });
    });

    const key = new Key(this, 'EventKey', {
      description: 'Encrypts the SES bounce and complaint topic',
      enableKeyRotation: true,
    });
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    // SES publishes to the encrypted topic: it needs the key for this configuration set only.
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': configurationSetArn },
        },
      }),
    );
    this.eventTopic = new Topic(this, 'EventTopic', {
      displayName: 'Parkbridge SES bounces and complaints',
      masterKey: key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      purpose: 'Mail sender runs and SES events that failed after their retries',
    });

    this.events = new ParkbridgeFunction(this, 'Events', {
      entry: 'functions/mail/ses-events.ts',
      serviceName: 'mail-events',
      description: 'SES bounces and complaints: suppress the address, tell its person in the app',
      environment: {
        [EnvName.tableName]: props.table.tableName,
        [EnvName.cursorSecretArn]: props.cursorSecret.secretArn,
      },
      ...logs,
    });
    props.table.grantReadWriteData(this.events);
    props.cursorSecret.grantRead(this.events);
    this.events.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    this.eventTopic.addSubscription(
      new LambdaSubscription(this.events, { deadLetterQueue: this.deadLetterQueue }),
    );

    this.sender = new ParkbridgeFunction(this, 'Sender', {
      entry: 'functions/mail/dispatch.ts',
      serviceName: 'mail-sender',
      description: 'Sends the outbox through SES v2: instant emails, 08:00 digests, retries',
      // A morning's digests take more than one minute's run: it keeps sending while mail is due.
      timeout: Duration.seconds(120),
      environment: {
        [EnvName.tableName]: props.table.tableName,
        [EnvName.cursorSecretArn]: props.cursorSecret.secretArn,
        [EnvName.mailSecretArn]: props.mailSecret.secretArn,
        [EnvName.mailFrom]: this.fromAddress,
        [EnvName.sesConfigurationSet]: this.configurationSet.configurationSetName,
        [EnvName.webOrigin]: props.webOrigin,
      },
      ...logs,
    });
    props.table.grantReadWriteData(this.sender);
    props.cursorSecret.grantRead(this.sender);
    props.mailSecret.grantRead(this.sender);
    // SES v2 SendEmail checks the identity and the configuration set: those two, nothing else.
    this.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, configurationSetArn],
      }),
    );
    this.sender.configureAsyncInvoke({
      retryAttempts: 0,
      maxEventAge: Duration.minutes(2),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    // Not retried by the scheduler: the next minute's run sends whatever this one did not.
    jobSchedule(this, 'EveryMinute', {
      fn: this.sender,
      role: schedulerRoleFor(this, this.sender, 'EventBridge Scheduler invokes the mail sender'),
      job: {
        name: 'mail.dispatch',
        every: Duration.minutes(1),
        description: 'Sends what the mail outbox holds that is due',
      },
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: 0,
      maxEventAge: Duration.minutes(2),
    });
  }
}
