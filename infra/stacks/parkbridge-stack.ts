import { EnvName } from '@parkbridge/config';
import { Aws, CfnOutput, CfnRule, Duration, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { GraphWidget, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { BUSINESS_EVENTS } from '../../functions/http/business-metrics';
import { EdgeFirewall } from '../constructs/edge-firewall';
import { FileBucket } from '../constructs/file-bucket';
import { OperationsAlarms } from '../constructs/operations-alarms';
import { OriginSecret } from '../constructs/origin-secret';
import { ParkbridgeApi } from '../constructs/parkbridge-api';
import { ParkbridgeFunction } from '../constructs/parkbridge-function';
import { ParkbridgeTable } from '../constructs/parkbridge-table';
import { ScheduledJobs } from '../constructs/scheduled-jobs';
import { StreamReader } from '../constructs/stream-reader';
import { UserDirectory } from '../constructs/user-directory';
import { WebDistribution } from '../constructs/web-distribution';
import { SWAGGER_UI_DIR, WEB_DIST } from '../paths';
import type { StageSettings } from './stage';
import { HTTP_FUNCTIONS, type JobsInCode, jobsInCode, streamReaders } from './workloads';

export interface ParkbridgeStackProps extends StackProps {
  readonly stage: StageSettings;
  /**
   * More browser origins allowed to call the API directly and to receive sign-in redirects
   * (a custom domain in front of the distribution, say).
   * @default - none besides the distribution's own and the stage's dev origins
   */
  readonly webOrigins?: string[];
  /**
   * An existing CLOUDFRONT-scoped web ACL. Needed for prod outside us-east-1, where the stack
   * cannot create one (infra/firewall-app.ts creates it in us-east-1).
   * @default - prod creates its own web ACL (the stack must then be deployed in us-east-1)
   */
  readonly webAclArn?: string;
  /**
   * The API's own domain and its regional ACM certificate: CloudFront's origin when the stage makes
   * CloudFront the only door (`cloudFrontOnly`, prod), where it is required.
   * @default - none: CloudFront calls the API's default execute-api endpoint (dev)
   */
  readonly apiDomain?: { name: string; certificateArn: string };
  /** @default - nobody is subscribed to the alarm topic */
  readonly alarmEmail?: string;
  /** @default packages/web/dist, deployed only if it exists */
  readonly webAppDir?: string;
  /** @default jobsInCode(): the consumers and schedules packages/jobs defines */
  readonly jobs?: JobsInCode;
}

export const pascal = (name: string) =>
  name
    .split(/[-_.]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');

/**
 * Parkbridge in one stack: the table, the user directory, the HTTP API with one function per
 * bounded context, the stream consumers, the scheduled jobs, the web distribution (with WAF in
 * prod) and the alarms. Environment-agnostic: it synthesizes offline without credentials.
 */
export class ParkbridgeStack extends Stack {
  constructor(scope: Construct, id: string, props: ParkbridgeStackProps) {
    super(scope, id, { description: `Parkbridge (${props.stage.name})`, ...props });
    const { stage } = props;
    const logs = { logRetention: stage.logRetention, logRemovalPolicy: stage.removalPolicy };

    const data = new ParkbridgeTable(this, 'Data', {
      removalPolicy: stage.removalPolicy,
      deletionProtection: stage.deletionProtection,
      pitrRecoveryDays: stage.pitrRecoveryDays,
    });
    const cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'Signs the API pagination cursors (HMAC key)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'An HMAC key for short-lived pagination cursors: rotating it only invalidates cursors in flight, so it is rotated by hand (docs/operations.md).',
    });

    const preToken = new ParkbridgeFunction(this, 'PreTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
      serviceName: 'auth-pre-token',
      description: 'Cognito pre-token-generation: organisation and groups from the table',
      // Cognito waits 5 s for a trigger.
      timeout: Duration.seconds(5),
      environment: { [EnvName.tableName]: data.tableName },
      ...logs,
    });
    data.grantReadWriteData(preToken);
    const users = new UserDirectory(this, 'Users', {
      preTokenGeneration: preToken,
      removalPolicy: stage.removalPolicy,
      deletionProtection: stage.deletionProtection,
      threatProtection: stage.name === 'prod',
      mfaRequired: stage.mfaRequired,
    });

    const webOrigins = props.webOrigins ?? [];
    const api = new ParkbridgeApi(this, 'Api', {
      corsOrigins: [...webOrigins, ...stage.devOrigins],
      throttle: stage.apiThrottle,
      accessLogRetention: stage.logRetention,
      accessLogRemovalPolicy: stage.removalPolicy,
      disableDefaultEndpoint: stage.cloudFrontOnly,
    });
    const door = stage.cloudFrontOnly ? this.onlyDoor(api, props.apiDomain, stage) : undefined;

    let webAclArn = props.webAclArn;
    if (stage.waf && !webAclArn) {
      webAclArn = new EdgeFirewall(this, 'EdgeFirewall').arn;
      new CfnRule(this, 'EdgeFirewallRegion', {
        assertions: [
          {
            assert: Fn.conditionEquals(Aws.REGION, 'us-east-1'),
            assertDescription:
              'A CloudFront web ACL can only be created in us-east-1. Deploy there, or create it with infra/firewall-app.ts and pass -c webAclArn=<arn>.',
          },
        ],
      });
    }

    const region = Stack.of(this).region;
    const signInUrl = users.domain.baseUrl();
    const web = new WebDistribution(this, 'Web', {
      apiDomainName: door?.domainName ?? api.defaultDomainName,
      docsAssetsDir: SWAGGER_UI_DIR,
      webAppDir: props.webAppDir ?? WEB_DIST,
      removalPolicy: stage.removalPolicy,
      logRetention: Duration.days(stage.logRetention),
      connectSources: [
        `https://cognito-idp.${region}.amazonaws.com`,
        signInUrl,
        // Browsers POST files straight to the files bucket (its name is not known before it exists).
        `https://*.s3.${region}.amazonaws.com`,
      ],
      ...(webAclArn ? { webAclArn } : {}),
      ...(door ? { apiOriginHeaders: door.secret.originHeaders } : {}),
    });
    const rotation = door?.secret.rotateIn(web.distribution);
    const appOrigins = [web.url, ...webOrigins, ...stage.devOrigins];
    const webClient = users.addWebClient('WebClient', {
      callbackUrls: appOrigins.map((o) => `${o}/`),
      logoutUrls: appOrigins.map((o) => `${o}/`),
    });
    api.useUserPool(users.userPool, [webClient]);

    const files = new FileBucket(this, 'Files', {
      corsOrigins: appOrigins,
      accessLogs: web.accessLogs,
      removalPolicy: stage.removalPolicy,
    });

    const runtimeEnv = {
      [EnvName.tableName]: data.tableName,
      [EnvName.cursorSecretArn]: cursorSecret.secretArn,
      [EnvName.webOrigin]: web.url,
    };
    const httpFunctions: Record<string, ParkbridgeFunction> = {};
    for (const [name, spec] of Object.entries(HTTP_FUNCTIONS)) {
      const fn = new ParkbridgeFunction(this, `Http${pascal(name)}`, {
        entry: spec.entry,
        openApiDocument: 'openApiDocument' in spec && spec.openApiDocument,
        serviceName: `http-${name}`,
        description: spec.description,
        environment: runtimeEnv,
        ...logs,
      });
      data.grantReadWriteData(fn);
      cursorSecret.grantRead(fn);
      door?.secret.guard(fn);
      if (name === 'documents') {
        fn.addEnvironment(EnvName.filesBucket, files.bucket.bucketName);
        files.grantFileAccess(fn);
      }
      api.addSecuredRoutes(`Http${pascal(name)}`, fn, spec.routes);
      if ('publicRoutes' in spec) api.addPublicRoutes(`Http${pascal(name)}`, fn, spec.publicRoutes);
      httpFunctions[`Http${pascal(name)}`] = fn;
    }

    const jobs = props.jobs ?? jobsInCode();
    const readers: Record<string, StreamReader> = {};
    for (const reader of streamReaders(jobs.consumers)) {
      readers[`Stream${pascal(reader.name)}`] = new StreamReader(this, `Stream${pascal(reader.name)}`, {
        readerName: reader.name,
        consumerNames: reader.consumers,
        table: data,
        cursorSecret,
        ...logs,
        ...(stage.reservedConcurrency.stream !== undefined
          ? { reservedConcurrentExecutions: stage.reservedConcurrency.stream }
          : {}),
      });
    }
    const schedules = jobs.schedules.length
      ? new ScheduledJobs(this, 'Schedules', {
          jobs: jobs.schedules,
          table: data,
          cursorSecret,
          ...logs,
          ...(stage.reservedConcurrency.schedule !== undefined
            ? { reservedConcurrentExecutions: stage.reservedConcurrency.schedule }
            : {}),
        })
      : undefined;

    web.publishConfig({
      stage: stage.name,
      apiUrl: web.url,
      region,
      cognito: {
        userPoolId: users.userPool.userPoolId,
        clientId: webClient.userPoolClientId,
        signInUrl,
        redirectUri: `${web.url}/`,
        scopes: ['openid', 'email', 'profile'],
      },
    });
    web.acknowledgeDeploymentProvider();

    const alarms = new OperationsAlarms(this, 'Alarms', {
      thresholds: stage.alarms,
      ...(props.alarmEmail ? { email: props.alarmEmail } : {}),
    });
    alarms.watchApi(api.httpApi);
    alarms.watchFunctions({
      ...httpFunctions,
      PreTokenGeneration: preToken,
      ...(rotation ? { OriginSecretRotation: rotation } : {}),
      ...Object.fromEntries(Object.entries(readers).map(([k, c]) => [k, c.function])),
      ...(schedules ? { Schedules: schedules.function } : {}),
    });
    alarms.watchStreamConsumers(Object.fromEntries(Object.entries(readers).map(([k, c]) => [k, c.function])));
    alarms.watchDeadLetterQueues({
      ...Object.fromEntries(Object.entries(readers).map(([k, c]) => [k, c.deadLetterQueue])),
      ...(schedules ? { Schedules: schedules.deadLetterQueue } : {}),
    });
    alarms.watchTable(data.table);
    alarms.dashboard.addWidgets(
      new GraphWidget({
        title: 'Marketplace (business metrics)',
        left: BUSINESS_EVENTS.map(
          (e) =>
            new MathExpression({
              expression: `SEARCH('{Parkbridge,service} MetricName="${e.metric}"', 'Sum', 300)`,
              label: e.metric,
              period: Duration.minutes(5),
              usingMetrics: {},
            }),
        ),
        width: 12,
      }),
      new GraphWidget({
        title: 'Cold starts',
        left: [
          new MathExpression({
            expression: `SEARCH('{Parkbridge,function_name,service} MetricName="ColdStart"', 'Sum', 300)`,
            label: 'ColdStart',
            period: Duration.minutes(5),
            usingMetrics: {},
          }),
        ],
        width: 12,
      }),
    );

    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('WebUrl', web.url, 'The web app, and the API under /v1 (through CloudFront and WAF)');
    if (door) {
      output(
        'ApiDomainTarget',
        door.target,
        `Point ${door.domainName} (CNAME or alias) here; only CloudFront, with the origin secret, is served`,
      );
    } else {
      output('ApiUrl', api.url, 'The HTTP API endpoint itself');
    }
    output('UserPoolId', users.userPool.userPoolId, 'Cognito user pool');
    output('WebClientId', webClient.userPoolClientId, 'Cognito app client of the web app');
    output('SignInUrl', signInUrl, 'Cognito hosted sign-in');
    output('TableName', data.tableName, 'The DynamoDB table');
    output('AlarmTopicArn', alarms.topic.topicArn, 'Subscribe here to receive the alarms');
    output('DashboardName', alarms.dashboard.dashboardName, 'CloudWatch dashboard');
  }

  /**
   * CloudFront as the API's only door (prod): the default execute-api endpoint is off, CloudFront
   * reaches the API at its own domain and adds the origin secret, which the API requires.
   */
  private onlyDoor(api: ParkbridgeApi, domain: ParkbridgeStackProps['apiDomain'], stage: StageSettings) {
    if (!domain) {
      throw new Error(
        'This stage makes CloudFront the API’s only door, so the API needs a domain of its own: ' +
          '-c apiDomainName=api.example.org -c apiCertificateArn=<an ACM certificate for it in the stack’s region> (docs/operations.md).',
      );
    }
    const mapped = api.useDomain(domain.name, domain.certificateArn);
    const secret = new OriginSecret(this, 'OriginSecret', {
      removalPolicy: stage.removalPolicy,
      logRetention: stage.logRetention,
      logRemovalPolicy: stage.removalPolicy,
    });
    return { domainName: domain.name, target: mapped.regionalDomainName, secret };
  }
}
