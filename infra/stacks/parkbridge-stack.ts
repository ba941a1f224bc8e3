import { EnvName } from '@parkbridge/config';
import { Aws, CfnOutput, CfnRule, Duration, Fn, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { GraphWidget, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
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
import { SafeRollouts } from '../constructs/safe-rollouts';
import { ScheduledJobs } from '../constructs/scheduled-jobs';
import { StreamReader } from '../constructs/stream-reader';
import { UserDirectory } from '../constructs/user-directory';
import { WebDistribution } from '../constructs/web-distribution';
import { SWAGGER_UI_DIR, WEB_DIST } from '../paths';
import type { CognitoPlan, StageSettings } from './stage';
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
   * The site's own domain: CloudFront answers there with this certificate (ACM, us-east-1), and
   * the records pointing it at the distribution are written into the hosted zone when one is given.
   * @default - the cloudfront.net name only
   */
  readonly domain?: { name: string; certificate: ICertificate; hostedZoneId?: string };
  /**
   * An existing CLOUDFRONT-scoped web ACL. Needed for prod outside us-east-1, where the stack
   * cannot create one (the edge stack, infra/stacks/edge-stack.ts, creates it in us-east-1).
   * @default - prod creates its own web ACL (the stack must then be deployed in us-east-1)
   */
  readonly webAclArn?: string;
  /**
   * Cognito's plan: Plus adds threat protection (compromised credentials, adaptive sign-in) and is
   * most of a province's bill; Essentials has neither and its first 10,000 users a month are free.
   * @default - plus in prod, essentials in dev
   */
  readonly cognitoPlan?: CognitoPlan;
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
      threatProtection: (props.cognitoPlan ?? (stage.name === 'prod' ? 'plus' : 'essentials')) === 'plus',
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
              'A CloudFront web ACL can only be created in us-east-1. Deploy with npm run deploy -- --region <region>, which creates it there (docs/deployment.md).',
          },
        ],
      });
    }

    const { region, urlSuffix } = Stack.of(this);
    const signInUrl = users.domain.baseUrl();
    const web = new WebDistribution(this, 'Web', {
      apiDomainName: door?.domainName ?? api.defaultDomainName,
      docsAssetsDir: SWAGGER_UI_DIR,
      webAppDir: props.webAppDir ?? WEB_DIST,
      removalPolicy: stage.removalPolicy,
      logRetention: Duration.days(stage.logRetention),
      connectSources: [
        `https://cognito-idp.${region}.${urlSuffix}`,
        signInUrl,
        // Browsers POST files straight to the files bucket (its name is not known before it exists).
        `https://*.s3.${region}.${urlSuffix}`,
      ],
      ...(webAclArn ? { webAclArn } : {}),
      ...(props.domain ? { domain: props.domain } : {}),
      ...(door ? { apiOriginHeaders: door.secret.originHeaders } : {}),
    });
    const rotation = door?.secret.rotateIn(web.distribution);
    const appOrigins = [...new Set([web.url, web.distributionUrl, ...webOrigins, ...stage.devOrigins])];
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
    const rollouts = new SafeRollouts(this, 'Rollouts', { deploymentConfig: stage.rollout });
    const httpFunctions: Record<string, ParkbridgeFunction> = {};
    const liveAliases: Record<string, ReturnType<SafeRollouts['liveAlias']>> = {};
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
      // The API calls the live alias, which a release shifts to the new version step by step.
      const live = rollouts.liveAlias(fn);
      api.addSecuredRoutes(`Http${pascal(name)}`, live, spec.routes);
      if ('publicRoutes' in spec) api.addPublicRoutes(`Http${pascal(name)}`, live, spec.publicRoutes);
      httpFunctions[`Http${pascal(name)}`] = fn;
      liveAliases[`Http${pascal(name)}`] = live;
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
    for (const [label, live] of Object.entries(liveAliases)) {
      rollouts.guard(label, live, [alarms.named(`${label}Errors`), alarms.named('Api5xx')]);
    }
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
    if (props.domain) this.pointDomainAt(web, props.domain);
    output('WebUrl', web.url, 'The web app, and the API under /v1 (through CloudFront and WAF)');
    output('DistributionDomain', web.distribution.distributionDomainName, 'Where the site domain points');
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
   * The site's domain to the distribution: alias records in the account's hosted zone, or, without
   * one, the record to create at the domain's DNS host (an output the deploy prints).
   */
  private pointDomainAt(web: WebDistribution, domain: NonNullable<ParkbridgeStackProps['domain']>): void {
    const { name, hostedZoneId } = domain;
    if (hostedZoneId) {
      const zone = HostedZone.fromHostedZoneId(this, 'SiteZone', hostedZoneId);
      const target = RecordTarget.fromAlias(new CloudFrontTarget(web.distribution));
      // A trailing dot: the zone's name is not known without a lookup, and need not be.
      new ARecord(this, 'SiteAlias', { zone, recordName: `${name}.`, target });
      new AaaaRecord(this, 'SiteAliasIpv6', { zone, recordName: `${name}.`, target });
      return;
    }
    new CfnOutput(this, 'SiteDnsRecord', {
      value: `${name}. CNAME ${web.distribution.distributionDomainName}.`,
      description: 'Create this record at the DNS host of the domain (an ALIAS/ANAME at a zone apex)',
    });
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
