import { CORS_POLICY } from '@parkbridge/config';
import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ParkbridgeApiProps {
  /**
   * Browser origins allowed to call the API directly. The web app reaches the API through its own
   * CloudFront origin and needs none.
   * @default - no CORS: same-origin callers only
   */
  readonly corsOrigins?: string[];
  /** @default { rateLimit: 100, burstLimit: 200 } */
  readonly throttle?: { rateLimit: number; burstLimit: number };
  /** @default RetentionDays.TWO_WEEKS */
  readonly accessLogRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly accessLogRemovalPolicy?: RemovalPolicy;
  /**
   * Turn off the default execute-api endpoint, so the API is reached only at the domain given to
   * `useDomain` (which only CloudFront calls, with the origin secret).
   * @default false
   */
  readonly disableDefaultEndpoint?: boolean;
}

/** One JSON line per request in the access log; `$context.requestId` is the id the app answers with. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  user: '$context.authorizer.claims.sub',
  org: '$context.authorizer.claims.org',
};

/**
 * The HTTP API: a JWT authorizer on the Cognito user pool for every /v1 route, a handful of public
 * GET routes (health, the OpenAPI document and its reference page), stage throttling, JSON access
 * logs, and CORS for the configured origins only.
 */
export class ParkbridgeApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  private authorizer: IHttpRouteAuthorizer | undefined;

  constructor(scope: Construct, id: string, props: ParkbridgeApiProps = {}) {
    super(scope, id);
    const origins = props.corsOrigins ?? [];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Parkbridge API',
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.disableDefaultEndpoint ?? false,
      ...(origins.length
        ? {
            // The same policy the local server answers preflights with (packages/config).
            corsPreflight: {
              allowOrigins: origins,
              allowMethods: CORS_POLICY.allowMethods.map((m) => CorsHttpMethod[m]),
              allowHeaders: [...CORS_POLICY.allowHeaders],
              exposeHeaders: [...CORS_POLICY.exposeHeaders],
              maxAge: Duration.seconds(CORS_POLICY.maxAgeS),
            },
          }
        : {}),
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? RetentionDays.TWO_WEEKS,
      removalPolicy: props.accessLogRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }

  /** The API's own URL (https://<id>.execute-api.<region>.amazonaws.com), unless it is turned off. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** The host name of `url`. */
  get defaultDomainName(): string {
    return Fn.select(2, Fn.split('/', this.url));
  }

  /**
   * The API at a domain of its own (a regional certificate of that name in the stack's region):
   * CloudFront's origin when the default endpoint is off. Its DNS name must point at the returned
   * domain's `regionalDomainName`.
   */
  useDomain(name: string, certificateArn: string): DomainName {
    const domain = new DomainName(this, 'Domain', {
      domainName: name,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn),
    });
    new ApiMapping(this, 'Mapping', { api: this.httpApi, domainName: domain, stage: this.stage });
    return domain;
  }

  /** Verifies Cognito ID tokens issued to these clients on every secured route. */
  useUserPool(userPool: IUserPool, clients: IUserPoolClient[]): void {
    this.authorizer = new HttpUserPoolAuthorizer('Cognito', userPool, {
      userPoolClients: clients,
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** Routes (any method) behind the JWT authorizer, to one function. */
  addSecuredRoutes(id: string, handler: IFunction, paths: readonly string[]): void {
    if (!this.authorizer) throw new Error('Call useUserPool before adding secured routes.');
    const integration = new HttpLambdaIntegration(`${id}Integration`, handler);
    for (const path of paths) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration, authorizer: this.authorizer });
    }
  }

  /** GET routes anyone may call. */
  addPublicRoutes(id: string, handler: IFunction, paths: readonly string[]): void {
    const integration = new HttpLambdaIntegration(`${id}PublicIntegration`, handler);
    for (const path of paths) {
      const [route] = this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.GET],
        integration,
        authorizer: new HttpNoneAuthorizer(),
      });
      if (route) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${path} is public by contract (health, the OpenAPI document, the API reference).`,
        });
      }
    }
  }
}
