import { EDGE_RATE_LIMITS, EnvName, ORIGIN_HEADER } from '@parkbridge/config';
import { keyAttributes, TableDefinition } from '@parkbridge/db';
import { Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../infra/stacks/stage';
import { HTTP_FUNCTIONS, STREAM_READERS, streamReaders } from '../../infra/stacks/workloads';
import {
  asList,
  FIXED_JOBS,
  resourcesOf,
  type Synthesized,
  statementsOfRoles,
  synthesize,
  WEB_FIXTURE,
} from './synth';

let dev: Synthesized;
let prod: Synthesized;

/** Prod makes CloudFront the API's only door, so the API needs a domain of its own. */
const PROD_API_DOMAIN = {
  apiDomainName: 'api.market.example.org',
  apiCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
};

beforeAll(() => {
  dev = synthesize('dev');
  prod = synthesize('prod', {
    webOrigins: 'https://market.example.org',
    alarmEmail: 'ops@example.org',
    ...PROD_API_DOMAIN,
  });
}, 600_000);

const both = () =>
  [
    ['dev', dev],
    ['prod', prod],
  ] as const;

/** Our functions (the Powertools-instrumented ones), not CDK's own helpers. */
function functionsOf(s: Synthesized) {
  return Object.entries(resourcesOf(s, 'AWS::Lambda::Function'))
    .filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME)
    .map(([id, f]) => ({
      id,
      service: f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as string,
      env: f.Properties.Environment.Variables as Record<string, unknown>,
      props: f.Properties,
      roleId: f.Properties.Role['Fn::GetAtt'][0] as string,
    }));
}

const fnByService = (s: Synthesized, service: string) => {
  const fn = functionsOf(s).find((f) => f.service === service);
  if (!fn) throw new Error(`no function ${service}`);
  return fn;
};

const tableId = (s: Synthesized) => Object.keys(resourcesOf(s, 'AWS::DynamoDB::GlobalTable'))[0] as string;

describe('the stack', () => {
  it('is environment-agnostic, so it synthesizes offline without credentials', () => {
    for (const [, s] of both()) {
      expect(Stack.of(s.stack).environment).toBe('aws://unknown-account/unknown-region');
    }
    expect(dev.stack.stackName).toBe('Parkbridge-dev');
    expect(prod.stack.stackName).toBe('Parkbridge-prod');
  });

  it('passes cdk-nag AwsSolutions with no unacknowledged finding in either stage', () => {
    for (const [, s] of both()) {
      const report = new AwsSolutionsChecks(s.app).validateScope(s.stack);
      expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
        [],
      );
    }
  });

  it('gives every acknowledged cdk-nag finding a one-sentence reason', () => {
    const acks: { id: string; reason: string }[] = [];
    const walk = (c: IConstruct) => {
      for (const m of c.node.metadata) {
        if (m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          for (const [id, v] of Object.entries(m.data as Record<string, any>)) {
            acks.push({ id, reason: typeof v === 'string' ? v : v.reason });
          }
        }
      }
      for (const child of c.node.children) walk(child);
    };
    walk(prod.stack);
    walk(dev.stack);
    const ours = acks.filter((a) => a.id.includes('AwsSolutions'));
    expect(ours.length).toBeGreaterThan(10);
    for (const a of ours) {
      expect(a.reason, a.id).toMatch(/^[A-Z0-9"'`(/].{20,}[.)]$/s);
      expect(a.reason.split(/\.\s+[A-Z]/).length, `${a.id}: one sentence`).toBe(1);
    }
  });
});

describe('the table', () => {
  it('is built from TableDefinition: keys, the four GSIs, TTL and the stream', () => {
    const { partitionKey, sortKey, globalIndexes, timeToLiveAttribute, stream } = TableDefinition;
    for (const [, s] of both()) {
      s.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: stream },
        TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      });
      const table = Object.values(resourcesOf(s, 'AWS::DynamoDB::GlobalTable'))[0]!;
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(
        Object.entries(globalIndexes).map(([name, idx]) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: idx.partitionKey, KeyType: 'HASH' },
            { AttributeName: idx.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
    }
  });

  it('has point-in-time recovery in both stages, 35 days in prod', () => {
    for (const [name, s] of both()) {
      const table = Object.values(resourcesOf(s, 'AWS::DynamoDB::GlobalTable'))[0]!;
      expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({
        PointInTimeRecoveryEnabled: true,
        RecoveryPeriodInDays: STAGES[name].pitrRecoveryDays,
      });
    }
    expect(STAGES.prod.pitrRecoveryDays).toBe(35);
  });

  it('is kept and deletion-protected in prod, disposable in dev', () => {
    const devTable = Object.values(resourcesOf(dev, 'AWS::DynamoDB::GlobalTable'))[0]!;
    const prodTable = Object.values(resourcesOf(prod, 'AWS::DynamoDB::GlobalTable'))[0]!;
    expect(prodTable.DeletionPolicy).toBe('Retain');
    expect(prodTable.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(devTable.DeletionPolicy).toBe('Delete');
    expect(devTable.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
  });
});

describe('the user directory', () => {
  it('has the tenant, supplier and operator groups and an org custom attribute', () => {
    for (const [, s] of both()) {
      const groups = Object.values(resourcesOf(s, 'AWS::Cognito::UserPoolGroup')).map(
        (g) => g.Properties.GroupName,
      );
      expect(groups.sort()).toEqual(['operator', 'supplier', 'tenant']);
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith([Match.objectLike({ Name: 'org', AttributeDataType: 'String' })]),
        UsernameAttributes: ['email'],
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
      });
    }
  });

  it('calls the pre-token-generation function for every token', () => {
    for (const [, s] of both()) {
      const trigger = fnByService(s, 'auth-pre-token');
      s.template.hasResourceProperties('AWS::Cognito::UserPool', {
        LambdaConfig: {
          PreTokenGenerationConfig: {
            LambdaArn: { 'Fn::GetAtt': [trigger.id, 'Arn'] },
            LambdaVersion: 'V1_0',
          },
        },
      });
      s.template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [trigger.id, 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
      });
    }
  });

  it('is retained with deletion protection and threat protection in prod only', () => {
    const pool = (s: Synthesized) => Object.values(resourcesOf(s, 'AWS::Cognito::UserPool'))[0]!;
    expect(pool(prod).DeletionPolicy).toBe('Retain');
    expect(pool(prod).Properties).toMatchObject({ DeletionProtection: 'ACTIVE', UserPoolTier: 'PLUS' });
    expect(pool(dev).DeletionPolicy).toBe('Delete');
    expect(pool(dev).Properties.DeletionProtection).toBe('INACTIVE');
  });

  it('has a web client (code flow with PKCE, no secret) that cannot write the org attribute', () => {
    for (const [, s] of both()) {
      const client = Object.values(resourcesOf(s, 'AWS::Cognito::UserPoolClient'))[0]!.Properties;
      expect(client).toMatchObject({
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        PreventUserExistenceErrors: 'ENABLED',
      });
      expect(client.WriteAttributes).not.toContain('custom:org');
      expect(client.ReadAttributes).toContain('custom:org');
    }
    const prodClient = Object.values(resourcesOf(prod, 'AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(prodClient.CallbackURLs).toContain('https://market.example.org/');
    expect(JSON.stringify(prodClient.CallbackURLs)).not.toMatch(/localhost/);
  });

  it('requires a TOTP second factor of every user in prod (operators and organisation admins included)', () => {
    const pool = (s: Synthesized) => Object.values(resourcesOf(s, 'AWS::Cognito::UserPool'))[0]!.Properties;
    expect(pool(prod).MfaConfiguration).toBe('ON');
    expect(pool(prod).EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool(dev).MfaConfiguration).toBe('OPTIONAL');
  });

  it('has a hosted sign-in domain', () => {
    for (const [, s] of both()) s.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });
});

describe('the HTTP API', () => {
  const routes = (s: Synthesized) =>
    Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Route')).map((r) => ({
      key: r.Properties.RouteKey as string,
      auth: r.Properties.AuthorizationType as string,
      target: JSON.stringify(r.Properties.Target),
    }));

  it('verifies Cognito JWTs for every /v1 route but the public pages, and leaves only those and the meta routes public', () => {
    for (const [, s] of both()) {
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
          Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
        },
      });
      const all = routes(s);
      expect(
        all
          .filter((r) => r.key.includes(' /v1') && !r.key.includes(' /v1/public/'))
          .every((r) => r.auth === 'JWT'),
      ).toBe(true);
      expect(
        all
          .filter((r) => r.auth !== 'JWT')
          .map((r) => r.key)
          .sort(),
      ).toEqual([
        'GET /docs',
        'GET /docs/init.js',
        'GET /health',
        'GET /openapi.json',
        'GET /v1/public/expos/{expoId}',
        'GET /v1/public/offerings/{offeringId}',
        'GET /v1/public/parks/{parkId}/offerings',
      ]);
      expect(all.some((r) => r.key.includes('/dev'))).toBe(false);
    }
  });

  it('sends each context’s routes to that context’s function, through its live alias', () => {
    const integrations = resourcesOf(dev, 'AWS::ApiGatewayV2::Integration');
    const aliases = resourcesOf(dev, 'AWS::Lambda::Alias');
    for (const [name, spec] of Object.entries(HTTP_FUNCTIONS)) {
      const fn = fnByService(dev, `http-${name}`);
      expect(fn.env.PARKBRIDGE_ROUTE_GROUPS).toBeUndefined();
      const [aliasId] =
        Object.entries(aliases).find(([, a]) => a.Properties.FunctionName.Ref === fn.id) ?? [];
      expect(aliasId, `${name} has a live alias`).toBeDefined();
      const integrationIds = Object.entries(integrations)
        .filter(([, i]) => JSON.stringify(i.Properties.IntegrationUri).includes(`"${aliasId}"`))
        .map(([id]) => id);
      const served = routes(dev)
        .filter((r) => integrationIds.some((id) => r.target.includes(id)))
        .map((r) => r.key.replace(/^\S+ /, ''));
      expect(new Set(served)).toEqual(
        new Set([...spec.routes, ...('publicRoutes' in spec ? spec.publicRoutes : [])]),
      );
    }
  });

  it('uses payload format 2.0 for every integration', () => {
    for (const i of Object.values(resourcesOf(dev, 'AWS::ApiGatewayV2::Integration'))) {
      expect(i.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    }
  });

  it('throttles the stage and writes JSON access logs', () => {
    for (const [name, s] of both()) {
      const stage = Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties;
      expect(stage.DefaultRouteSettings).toEqual({
        ThrottlingBurstLimit: STAGES[name].apiThrottle.burstLimit,
        ThrottlingRateLimit: STAGES[name].apiThrottle.rateLimit,
      });
      const format = JSON.parse(stage.AccessLogSettings.Format);
      expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    }
  });

  it('allows CORS for the configured web origin only (and local dev servers in dev)', () => {
    const cors = (s: Synthesized) =>
      Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Api'))[0]!.Properties.CorsConfiguration;
    expect(cors(prod).AllowOrigins).toEqual(['https://market.example.org']);
    expect(cors(dev).AllowOrigins).toEqual(STAGES.dev.devOrigins);
    for (const [, s] of both()) {
      expect(cors(s).AllowOrigins).not.toContain('*');
      expect(cors(s).AllowHeaders).toEqual(
        expect.arrayContaining(['authorization', 'idempotency-key', 'if-match']),
      );
    }
  });
});

describe('CloudFront as the API’s only door (prod)', () => {
  const httpApi = (s: Synthesized) => Object.values(resourcesOf(s, 'AWS::ApiGatewayV2::Api'))[0]!.Properties;
  const apiOrigin = (s: Synthesized) => {
    const dist = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    const api = dist.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/*');
    return dist.Origins.find((o: any) => o.Id === api.TargetOriginId);
  };

  it('turns the default execute-api endpoint off in prod, and keeps it in dev', () => {
    expect(httpApi(prod).DisableExecuteApiEndpoint).toBe(true);
    expect(httpApi(dev).DisableExecuteApiEndpoint ?? false).toBe(false);
    expect(Object.keys(prod.template.toJSON().Outputs)).not.toContain('ApiUrl');
    expect(Object.keys(prod.template.toJSON().Outputs)).toContain('ApiDomainTarget');
  });

  it('maps the API to its own domain, which is CloudFront’s origin for the API', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: PROD_API_DOMAIN.apiDomainName,
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: PROD_API_DOMAIN.apiCertificateArn })],
    });
    prod.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    expect(apiOrigin(prod).DomainName).toBe(PROD_API_DOMAIN.apiDomainName);
    expect(JSON.stringify(apiOrigin(dev).DomainName)).toMatch(/HttpApi/);
  });

  it('has CloudFront send the origin secret, which every API function requires, in prod only', () => {
    const headers = apiOrigin(prod).CustomOriginConfig && apiOrigin(prod).OriginCustomHeaders;
    expect(headers.map((h: any) => h.HeaderName)).toEqual([ORIGIN_HEADER]);
    expect(JSON.stringify(headers[0].HeaderValue)).toMatch(/resolve:secretsmanager:/);
    expect(apiOrigin(dev).OriginCustomHeaders).toBeUndefined();
    for (const name of Object.keys(HTTP_FUNCTIONS)) {
      expect(fnByService(prod, `http-${name}`).env[EnvName.originSecretArn]).toBeDefined();
      expect(fnByService(dev, `http-${name}`).env[EnvName.originSecretArn]).toBeUndefined();
    }
  });

  it('rotates the origin secret monthly with a function that may update only this distribution', () => {
    prod.template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', {
      RotationRules: { ScheduleExpression: 'rate(30 days)' },
    });
    const rotation = fnByService(prod, 'origin-secret-rotation');
    expect(rotation.env[EnvName.distributionId]).toBeDefined();
    const cloudfront = statementsOfRoles(prod, [rotation.roleId]).filter((st) =>
      asList(st.Action).some((a: string) => a.startsWith('cloudfront:')),
    );
    expect(cloudfront.flatMap((st) => asList(st.Action)).sort()).toEqual([
      'cloudfront:GetDistributionConfig',
      'cloudfront:UpdateDistribution',
    ]);
    expect(JSON.stringify(cloudfront.map((st) => st.Resource))).toMatch(/distribution\//);
    dev.template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });

  it('refuses to synthesize prod without the API’s own domain', () => {
    expect(() => synthesize('prod', {}, { jobs: FIXED_JOBS, webAppDir: WEB_FIXTURE })).toThrow(
      /apiDomainName=.*apiCertificateArn=/,
    );
  });
});

describe('the functions', () => {
  it('are arm64 Node.js 22, traced, logging JSON to their own log group', () => {
    for (const [name, s] of both()) {
      const fns = functionsOf(s);
      const originSecretRotation = name === 'prod' ? 1 : 0;
      expect(fns.length).toBe(
        Object.keys(HTTP_FUNCTIONS).length + 1 + STREAM_READERS.length + 1 + originSecretRotation,
      );
      for (const fn of fns) {
        expect(fn.props, fn.service).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        });
        expect(fn.env.NODE_OPTIONS).toBe('--enable-source-maps');
        expect(fn.env.POWERTOOLS_METRICS_NAMESPACE).toBe('Parkbridge');
      }
    }
  });

  it('never put a secret in the environment: the cursor secret comes by ARN', () => {
    for (const [, s] of both()) {
      const secretId = Object.keys(resourcesOf(s, 'AWS::SecretsManager::Secret')).find((id) =>
        id.startsWith('CursorSecret'),
      );
      for (const fn of functionsOf(s)) {
        expect(fn.env.PARKBRIDGE_CURSOR_SECRET).toBeUndefined();
        if (fn.service !== 'auth-pre-token' && fn.service !== 'origin-secret-rotation')
          expect(fn.env.PARKBRIDGE_CURSOR_SECRET_ARN).toEqual({ Ref: secretId });
      }
    }
  });

  it('have no wildcard action, and no wildcard resource but X-Ray’s, in their policies', () => {
    const xray = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
    // The origin secret's rotation draws a random value, an action on no resource.
    const noResource = [...xray, 'secretsmanager:GetRandomPassword'];
    for (const [, s] of both()) {
      const roles = functionsOf(s).map((f) => f.roleId);
      const statements = statementsOfRoles(s, roles);
      expect(statements.length).toBeGreaterThan(roles.length);
      for (const st of statements) {
        const actions = asList(st.Action as string | string[]);
        const resources = asList(st.Resource as unknown);
        expect(actions.filter((a) => a.includes('*'))).toEqual([]);
        if (resources.includes('*')) expect(noResource).toEqual(expect.arrayContaining(actions));
        for (const r of resources) {
          if (typeof r === 'string' && r !== '*') expect(r).not.toMatch(/\*/);
        }
      }
      // No AWS managed policies either (AWSLambdaBasicExecutionRole may write any log group).
      for (const id of roles) {
        expect(resourcesOf(s, 'AWS::IAM::Role')[id]?.Properties.ManagedPolicyArns).toBeUndefined();
      }
    }
  });

  it('may not Scan the table, and read only the table and its named indexes', () => {
    for (const [, s] of both()) {
      const statements = statementsOfRoles(
        s,
        functionsOf(s).map((f) => f.roleId),
      );
      const dynamo = statements.filter((st) =>
        asList(st.Action).some((a: string) => a.startsWith('dynamodb:')),
      );
      expect(dynamo.flatMap((st) => asList(st.Action))).not.toContain('dynamodb:Scan');
      const indexArns = dynamo
        .flatMap((st) => asList(st.Resource))
        .filter((r) => JSON.stringify(r).includes('/index/'));
      const names = new Set(indexArns.map((r) => JSON.stringify(r).match(/\/index\/(gsi\d)/)?.[1]));
      expect([...names].sort()).toEqual(Object.keys(TableDefinition.globalIndexes).sort());
    }
  });

  it('grant each function only what it uses: the trigger gets the table, not the secret', () => {
    const secretId = Object.keys(resourcesOf(dev, 'AWS::SecretsManager::Secret'))[0]!;
    const reads = (service: string) =>
      statementsOfRoles(dev, [fnByService(dev, service).roleId]).some((st) =>
        JSON.stringify(st.Resource).includes(secretId),
      );
    expect(reads('auth-pre-token')).toBe(false);
    expect(reads('http-core')).toBe(true);
    const triggerActions = statementsOfRoles(dev, [fnByService(dev, 'auth-pre-token').roleId]).flatMap((st) =>
      asList(st.Action),
    );
    expect(triggerActions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    expect(triggerActions.some((a: string) => a.startsWith('dynamodb:GetRecords'))).toBe(false);
  });

  it('keep their logs for the stage’s retention', () => {
    for (const [name, s] of both()) {
      const groups = Object.values(resourcesOf(s, 'AWS::Logs::LogGroup'));
      expect(groups.length).toBeGreaterThanOrEqual(functionsOf(s).length + 1);
      for (const g of groups) expect(g.Properties.RetentionInDays).toBe(STAGES[name].logRetention);
    }
    expect(STAGES.prod.logRetention).toBe(365);
  });
});

describe('the stream consumers', () => {
  it('run in at most two readers of the table’s stream (DynamoDB’s limit per shard), each consumer in one', () => {
    for (const [, s] of both()) {
      const mappings = Object.values(resourcesOf(s, 'AWS::Lambda::EventSourceMapping'));
      expect(mappings.length).toBeLessThanOrEqual(2);
      const assigned = functionsOf(s)
        .filter((f) => f.service.startsWith('stream-'))
        .flatMap((f) => String(f.env.PARKBRIDGE_STREAM_CONSUMERS).split(','));
      expect(assigned.sort()).toEqual([...FIXED_JOBS.consumers].sort());
      for (const reader of streamReaders(FIXED_JOBS.consumers)) {
        expect(fnByService(s, `stream-${reader.name}`).env.PARKBRIDGE_STREAM_CONSUMERS).toBe(
          reader.consumers.join(','),
        );
      }
    }
  });

  it('read with batch-item failures, bisect, bounded retries and age, and an SQS dead-letter destination', () => {
    for (const [, s] of both()) {
      const table = tableId(s);
      for (const reader of STREAM_READERS) {
        const fn = fnByService(s, `stream-${reader.name}`);
        s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: fn.id },
          EventSourceArn: { 'Fn::GetAtt': [table, 'StreamArn'] },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          BisectBatchOnFunctionError: true,
          MaximumRetryAttempts: 10,
          MaximumRecordAgeInSeconds: 6 * 3600,
          StartingPosition: 'TRIM_HORIZON',
          DestinationConfig: {
            OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetters'), 'Arn'] } },
          },
        });
      }
    }
  });

  it('reserve concurrency for the consumers and the schedules in prod only', () => {
    const reserved = (s: Synthesized, prefix: string) =>
      functionsOf(s)
        .filter((f) => f.service.startsWith(prefix))
        .map((f) => f.props.ReservedConcurrentExecutions);
    expect(new Set(reserved(prod, 'stream-'))).toEqual(new Set([STAGES.prod.reservedConcurrency.stream]));
    expect(reserved(prod, 'schedules')).toEqual([STAGES.prod.reservedConcurrency.schedule]);
    expect(new Set([...reserved(dev, 'stream-'), ...reserved(dev, 'schedules')])).toEqual(
      new Set([undefined]),
    );
  });
});

describe('the scheduled jobs', () => {
  it('are EventBridge Scheduler schedules naming their job, with retries and a dead-letter queue', () => {
    for (const [, s] of both()) {
      const fn = fnByService(s, 'schedules');
      const schedules = Object.values(resourcesOf(s, 'AWS::Scheduler::Schedule')).map((r) => r.Properties);
      expect(schedules.map((p) => JSON.parse(p.Target.Input).job).sort()).toEqual([
        'close-needs',
        'expire-holds',
      ]);
      for (const p of schedules) {
        expect(p.Target.Arn).toEqual({ 'Fn::GetAtt': [fn.id, 'Arn'] });
        expect(p.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0]).toMatch(/DeadLetters/);
        expect(p.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
        expect(JSON.parse(p.Target.Input)).toMatchObject({ executionId: '<aws.scheduler.execution-id>' });
        expect(p.ScheduleExpression).toBe('rate(1 minute)');
      }
    }
  });
});

describe('dead-letter queues', () => {
  it('back every asynchronous path: stream mappings, schedules and async invocations', () => {
    for (const [, s] of both()) {
      for (const m of Object.values(resourcesOf(s, 'AWS::Lambda::EventSourceMapping'))) {
        expect(m.Properties.DestinationConfig?.OnFailure?.Destination).toBeDefined();
      }
      const asyncTargets = new Set(
        Object.values(resourcesOf(s, 'AWS::Scheduler::Schedule')).map((r) => {
          expect(r.Properties.Target.DeadLetterConfig?.Arn).toBeDefined();
          return r.Properties.Target.Arn['Fn::GetAtt'][0];
        }),
      );
      const withFailureDestination = new Set(
        Object.values(resourcesOf(s, 'AWS::Lambda::EventInvokeConfig'))
          .filter((c) => c.Properties.DestinationConfig?.OnFailure?.Destination)
          .map((c) => c.Properties.FunctionName.Ref),
      );
      for (const target of asyncTargets) expect(withFailureDestination).toContain(target);
    }
  });

  it('are encrypted, TLS-only, keep messages 14 days, and each has a depth alarm', () => {
    for (const [, s] of both()) {
      const queues = resourcesOf(s, 'AWS::SQS::Queue');
      expect(Object.keys(queues)).toHaveLength(STREAM_READERS.length + 1);
      const alarms = Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm'));
      for (const [id, q] of Object.entries(queues)) {
        expect(q.Properties).toMatchObject({
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: 14 * 86400,
        });
        expect(
          alarms.some(
            (a) =>
              a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
              JSON.stringify(a.Properties.Dimensions).includes(id),
          ),
          id,
        ).toBe(true);
      }
      const policies = Object.values(resourcesOf(s, 'AWS::SQS::QueuePolicy'));
      expect(policies.every((p) => JSON.stringify(p).includes('aws:SecureTransport'))).toBe(true);
    }
  });
});

describe('the web distribution', () => {
  it('serves a private bucket through origin access control, with the API on the same origin', () => {
    for (const [, s] of both()) {
      s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const dist = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties
        .DistributionConfig;
      const patterns = dist.CacheBehaviors.map((b: any) => b.PathPattern);
      expect(patterns).toEqual(
        expect.arrayContaining(['/v1/*', '/health', '/openapi.json', '/docs', '/docs/*', '/docs-assets/*']),
      );
      const api = dist.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/*');
      expect(api.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']));
      expect(api.ViewerProtocolPolicy).toBe('https-only');
      for (const bucket of Object.values(resourcesOf(s, 'AWS::S3::Bucket'))) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    }
  });

  it('caches the public API pages at the edge by path alone, before the uncached API behaviour', () => {
    for (const [, s] of both()) {
      const dist = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties
        .DistributionConfig;
      const patterns = dist.CacheBehaviors.map((b: any) => b.PathPattern);
      expect(patterns.indexOf('/v1/public/*')).toBeGreaterThanOrEqual(0);
      expect(patterns.indexOf('/v1/public/*')).toBeLessThan(patterns.indexOf('/v1/*'));
      const open = dist.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/public/*');
      expect(open.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(open.OriginRequestPolicyId).toBeUndefined();
      const policies = Object.values(resourcesOf(s, 'AWS::CloudFront::CachePolicy'));
      expect(policies).toHaveLength(1);
      const key = policies[0]!.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key.HeadersConfig.HeaderBehavior).toBe('none');
      expect(key.CookiesConfig.CookieBehavior).toBe('none');
      expect(key.QueryStringsConfig.QueryStringBehavior).toBe('none');
    }
  });

  it('adds security headers to every answer', () => {
    for (const [, s] of both()) {
      const policy = Object.values(resourcesOf(s, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties
        .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(policy.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
      expect(policy.FrameOptions.FrameOption).toBe('DENY');
      expect(policy.ContentTypeOptions.Override).toBe(true);
      expect(JSON.stringify(policy.ContentSecurityPolicy)).toMatch(/frame-ancestors 'none'/);
      const dist = Object.values(resourcesOf(s, 'AWS::CloudFront::Distribution'))[0]!.Properties
        .DistributionConfig;
      for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors])
        expect(b.ResponseHeadersPolicyId).toBeDefined();
    }
  });

  it('deploys the web app, the API reference assets and a config.json with the API and sign-in settings', () => {
    for (const [, s] of both()) {
      s.template.resourceCountIs('Custom::CDKBucketDeployment', 3);
      const prefixes = Object.values(resourcesOf(s, 'Custom::CDKBucketDeployment')).map(
        (d) => d.Properties.DestinationBucketKeyPrefix,
      );
      expect(prefixes).toContain('docs-assets/');
      const config = Object.values(resourcesOf(s, 'Custom::CDKBucketDeployment')).find((d) =>
        JSON.stringify(d.Properties).includes('SourceMarkers'),
      );
      const markers = JSON.stringify(config?.Properties.SourceMarkers);
      expect(markers).toMatch(/UserPool/);
      expect(markers).toMatch(/WebClient/);
    }
  });
});

describe('the firewall', () => {
  it('exists in prod only, on the CloudFront distribution, with a rate limit and AWS managed rules', () => {
    dev.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    const devDist = Object.values(resourcesOf(dev, 'AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    expect(devDist.WebACLId).toBeUndefined();

    const [aclId, acl] = Object.entries(resourcesOf(prod, 'AWS::WAFv2::WebACL'))[0]!;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as any[];
    const rate = (name: string) => rules.find((r) => r.Name === name)?.Statement.RateBasedStatement;
    // Per caller (the bearer token), so people behind one carrier NAT do not share a limit.
    expect(rate('RateLimitPerCaller')).toEqual({
      Limit: EDGE_RATE_LIMITS.perCaller,
      AggregateKeyType: 'CUSTOM_KEYS',
      CustomKeys: [
        { Header: { Name: 'authorization', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
      ],
    });
    expect(rate('RateLimitPerIpWithoutToken')).toMatchObject({
      Limit: EDGE_RATE_LIMITS.perIpWithoutToken,
      AggregateKeyType: 'IP',
      ScopeDownStatement: {
        NotStatement: {
          Statement: {
            SizeConstraintStatement: {
              FieldToMatch: { SingleHeader: { Name: 'authorization' } },
              ComparisonOperator: 'GT',
              Size: 0,
              TextTransformations: [{ Priority: 0, Type: 'NONE' }],
            },
          },
        },
      },
    });
    expect(rate('RateLimitPerIp')).toEqual({ Limit: EDGE_RATE_LIMITS.perIp, AggregateKeyType: 'IP' });
    expect(EDGE_RATE_LIMITS.perIp).toBeGreaterThan(EDGE_RATE_LIMITS.perCaller * 10);
    for (const r of rules.filter((r) => r.Statement.RateBasedStatement))
      expect(r.Action).toEqual({ Block: {} });
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']),
    );
    // The API takes bodies up to 64 KiB; the common rule set's 8 KB body rule only counts.
    const common = rules.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    const prodDist = Object.values(resourcesOf(prod, 'AWS::CloudFront::Distribution'))[0]!.Properties
      .DistributionConfig;
    expect(prodDist.WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
  });

  it('stops a prod deploy outside us-east-1 unless an existing web ACL is given', () => {
    const rule = prod.template.toJSON().Rules?.EdgeFirewallRegion;
    expect(rule.Assertions[0].Assert).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
    expect(dev.template.toJSON().Rules?.EdgeFirewallRegion).toBeUndefined();
  });
});

describe('observability', () => {
  const alarms = (s: Synthesized) =>
    Object.values(resourcesOf(s, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const topicId = (s: Synthesized) => Object.keys(resourcesOf(s, 'AWS::SNS::Topic'))[0];

  it('alarms on API 5xx and latency, function errors and throttles, iterator age, dead letters and table throttles', () => {
    for (const [name, s] of both()) {
      const all = alarms(s);
      const t = STAGES[name].alarms;
      expect(all.find((a) => a.MetricName === '5xx')?.Threshold).toBe(t.api5xx);
      expect(all.find((a) => a.MetricName === 'Latency')?.Threshold).toBe(t.apiLatencyP99Ms);
      const fns = functionsOf(s);
      for (const metric of ['Errors', 'Throttles']) {
        const covered = all
          .filter((a) => a.MetricName === metric)
          .map((a) => a.Dimensions.find((d: any) => d.Name === 'FunctionName').Value.Ref);
        expect(new Set(covered)).toEqual(new Set(fns.map((f) => f.id)));
      }
      expect(all.filter((a) => a.MetricName === 'IteratorAge')).toHaveLength(STREAM_READERS.length);
      expect(
        all
          .filter((a) => a.MetricName === 'IteratorAge')
          .every((a) => a.Threshold === t.iteratorAge.toMilliseconds()),
      ).toBe(true);
      expect(all.some((a) => JSON.stringify(a.Metrics ?? []).includes('WriteThrottleEvents'))).toBe(true);
    }
    expect(STAGES.prod.alarms.api5xx).toBeLessThan(STAGES.dev.alarms.api5xx);
  });

  it('sends every alarm (and its recovery) to one encrypted topic, e-mailed in prod', () => {
    for (const [, s] of both()) {
      for (const a of alarms(s)) {
        expect(a.AlarmActions).toEqual([{ Ref: topicId(s) }]);
        expect(a.OKActions).toEqual([{ Ref: topicId(s) }]);
      }
      s.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    }
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('has a dashboard', () => {
    for (const [, s] of both()) {
      const body = JSON.stringify(
        Object.values(resourcesOf(s, 'AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody,
      );
      expect(body).toMatch(/IteratorAge/);
      expect(body).toMatch(/BidsAccepted/);
      expect(body).toMatch(/ColdStart/);
    }
  });
});

describe('the files bucket', () => {
  const bucketOf = (s: Synthesized) => {
    const buckets = Object.entries(resourcesOf(s, 'AWS::S3::Bucket')).filter(([id]) =>
      id.startsWith('FilesBucket'),
    );
    expect(buckets).toHaveLength(1);
    return buckets[0]!;
  };

  it('is private, encrypted, versioned, TLS-only, logged, and kept in prod', () => {
    for (const [stage, s] of both()) {
      const [id, bucket] = bucketOf(s);
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'AES256',
      });
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.LoggingConfiguration.LogFilePrefix).toBe('files/');
      expect(bucket.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
      const policy = Object.values(resourcesOf(s, 'AWS::S3::BucketPolicy')).find(
        (p) => p.Properties.Bucket.Ref === id,
      );
      expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('clears what abandoned uploads leave, and lets only the web app POST to it from a browser', () => {
    const [, bucket] = bucketOf(prod);
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        NoncurrentVersionExpiration: { NoncurrentDays: 30 },
        ExpiredObjectDeleteMarker: true,
      }),
    ]);
    const [rule] = bucket.Properties.CorsConfiguration.CorsRules;
    expect(rule.AllowedMethods.sort()).toEqual(['GET', 'POST']);
    expect(rule.AllowedOrigins).toContain('https://market.example.org');
    expect(rule.AllowedOrigins).not.toContain('*');
  });

  it('is scanned by GuardDuty Malware Protection, which tags each new file with its verdict', () => {
    for (const [, s] of both()) {
      const [id] = bucketOf(s);
      const plans = Object.values(resourcesOf(s, 'AWS::GuardDuty::MalwareProtectionPlan'));
      expect(plans).toHaveLength(1);
      const plan = plans[0] as (typeof plans)[number] & object;
      expect(plan.Properties.ProtectedResource.S3Bucket).toEqual({
        BucketName: { Ref: id },
        ObjectPrefixes: ['files/'],
      });
      expect(plan.Properties.Actions).toEqual({ Tagging: { Status: 'ENABLED' } });
      const roleId = plan.Properties.Role['Fn::GetAtt'][0];
      const role = resourcesOf(s, 'AWS::IAM::Role')[roleId];
      expect(role?.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
        Service: 'malware-protection-plan.guardduty.amazonaws.com',
      });
    }
  });

  it('is reached by the documents function alone, for its files only', () => {
    for (const [, s] of both()) {
      const [id] = bucketOf(s);
      const documents = fnByService(s, 'http-documents');
      expect(documents.env.PARKBRIDGE_FILES_BUCKET).toEqual({ Ref: id });
      const s3 = statementsOfRoles(s, [documents.roleId]).filter((st) =>
        asList(st.Action as string | string[]).some((a) => a.startsWith('s3:')),
      );
      expect(s3).toHaveLength(1);
      expect(asList(s3[0].Action).sort()).toEqual([
        's3:DeleteObject',
        's3:GetObject',
        's3:GetObjectTagging',
        's3:PutObject',
      ]);
      expect(JSON.stringify(s3[0].Resource)).toContain('/files/*');
      for (const fn of functionsOf(s).filter((f) => f.service !== 'http-documents')) {
        expect(fn.env.PARKBRIDGE_FILES_BUCKET).toBeUndefined();
        const statements = statementsOfRoles(s, [fn.roleId]);
        expect(
          statements.filter((st) => asList(st.Action as string | string[]).some((a) => a.startsWith('s3:'))),
        ).toEqual([]);
      }
    }
  });
});
