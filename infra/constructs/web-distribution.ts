import { existsSync } from 'node:fs';
import { securityHeaders } from '@parkbridge/config';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { nagPseudo } from './nag-names';

export interface WebDistributionProps {
  /** The HTTP API's host name, served under /v1, /health, /openapi.json and /docs. */
  readonly apiDomainName: string;
  /**
   * Headers CloudFront adds to every request it sends the API (the origin secret).
   * @default none
   */
  readonly apiOriginHeaders?: Record<string, string>;
  /** swagger-ui-dist's folder, served under /docs-assets/. */
  readonly docsAssetsDir: string;
  /**
   * The built web app.
   * @default - none: the bucket holds only config.json and the API reference assets
   */
  readonly webAppDir?: string;
  /**
   * An AWS WAF web ACL (CLOUDFRONT scope) for the distribution.
   * @default - no WAF
   */
  readonly webAclArn?: string;
  /**
   * The site's own domain name and its certificate (ACM, us-east-1): the web app and the API answer
   * there, with TLS 1.2 at least.
   * @default - the distribution's cloudfront.net name only
   */
  readonly domain?: { name: string; certificate: ICertificate };
  /** Origins the browser may connect to besides this one (Cognito's sign-in endpoints). */
  readonly connectSources?: string[];
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /** @default Duration.days(90) */
  readonly logRetention?: Duration;
}

/** The paths CloudFront sends to the API; everything else is the web app from S3. */
export const API_PATH_PATTERNS = ['/v1/*', '/health', '/openapi.json', '/docs', '/docs/*'] as const;
/** Answers without a token that are the same for everyone: cached at the edge. */
export const PUBLIC_API_PATH_PATTERN = '/v1/public/*';

/** Client-side routes get index.html; files (anything with an extension) are served as they are. */
export const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/**
 * The web app's private bucket behind CloudFront (origin access control), the API on the same
 * origin (so the browser needs no CORS and WAF sees every request), security headers on every
 * answer, access logs, and the app, its config.json and the API reference assets deployed into it.
 */
export class WebDistribution extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** S3 server access logs (and CloudFront's): other buckets of the stack log here too. */
  readonly accessLogs: Bucket;
  /** The custom domain name, when there is one. */
  readonly domainName: string | undefined;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    this.domainName = props.domain?.name;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const disposable = removalPolicy === RemovalPolicy.DESTROY;
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: props.logRetention ?? Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects: disposable,
    });
    this.accessLogs = logs;
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging it into itself would loop.',
    });
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy,
      autoDeleteObjects: disposable,
    });

    // The same definition the local server sends (packages/config/src/http-policy.ts).
    const policy = securityHeaders(props.connectSources ?? []);
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Parkbridge security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: policy.contentSecurityPolicy.join('; '),
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(policy.strictTransportSecurity.maxAgeS),
          includeSubdomains: policy.strictTransportSecurity.includeSubdomains,
          preload: policy.strictTransportSecurity.preload,
          override: true,
        },
        xssProtection: { ...policy.xssProtection, override: true },
      },
    });

    const site = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const api = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      ...(props.apiOriginHeaders ? { customHeaders: props.apiOriginHeaders } : {}),
    });
    const apiBehavior: BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything but Host (API Gateway routes on its own host name); Authorization included.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };
    // Public pages (/v1/public/*) are the same for everyone: cached at the edge for as long as the
    // answer's Cache-Control allows (the floor plan: 5 s), keyed by path alone, and asked of the
    // API without the viewer's headers, so one request per edge and period reaches the table.
    const publicApiBehavior: BehaviorOptions = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: new CachePolicy(this, 'PublicApiCache', {
        comment: 'Public API pages: origin Cache-Control, path only in the key',
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        maxTtl: Duration.minutes(5),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      }),
      responseHeadersPolicy: headers,
    };
    const assetBehavior: BehaviorOptions = {
      origin: site,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
    };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Parkbridge web app and API (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: props.domain.certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        ...assetBehavior,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', {
              code: FunctionCode.fromInline(SPA_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
              comment: 'Serves index.html for the web app routes',
            }),
          },
        ],
      },
      additionalBehaviors: {
        // First: CloudFront takes the first pattern that matches, and /v1/* would.
        [PUBLIC_API_PATH_PATTERN]: publicApiBehavior,
        ...Object.fromEntries(API_PATH_PATTERNS.map((p) => [p, apiBehavior])),
        '/docs-assets/*': assetBehavior,
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Parkbridge serves parks in many countries; no geographic restriction applies.',
    });
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate cannot pin TLS 1.2; a custom domain with its own certificate does (docs/deployment.md).',
      });
    }
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'The dev stage runs without WAF to save its fixed monthly cost; prod attaches one.',
      });
    }

    if (props.webAppDir && existsSync(props.webAppDir)) {
      new BucketDeployment(this, 'WebApp', {
        sources: [Source.asset(props.webAppDir)],
        destinationBucket: this.bucket,
        // The other deployments own these keys.
        exclude: ['config.json', 'docs-assets/*'],
        prune: true,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
    }
    new BucketDeployment(this, 'DocsAssets', {
      sources: [
        Source.asset(props.docsAssetsDir, {
          exclude: ['**', '!swagger-ui.css', '!swagger-ui-bundle.js', '!favicon-32x32.png'],
        }),
      ],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'docs-assets/',
      prune: true,
      memoryLimit: 512,
    });
  }

  /**
   * The bucket deployments share one provider function that CDK owns (a Python runtime, AWS's
   * basic execution policy, wildcards over the asset and site buckets). Acknowledged finding by
   * finding, on that function only. Call once, after the last deployment.
   */
  acknowledgeDeploymentProvider(): void {
    const stack = Stack.of(this);
    const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) return;
    const site = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const at = nagPseudo(stack);
    const assets = `arn:${at.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${at.account}-${at.region}/*`;
    const why = (id: string, reason: string) => Validations.of(provider).acknowledge({ id, reason });
    why('AwsSolutions-L1', "CDK's BucketDeployment provider picks its own Python runtime.");
    why(
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketDeployment provider writes its logs with AWS's basic execution policy.",
    );
    for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*']) {
      why(
        `AwsSolutions-IAM5[Action::${action}]`,
        'The deployment copies and prunes objects of the site bucket only.',
      );
    }
    why(
      `AwsSolutions-IAM5[Resource::<${site}.Arn>/*]`,
      'The deployment writes the objects of the site bucket.',
    );
    why(`AwsSolutions-IAM5[Resource::${assets}]`, "The deployment reads the stack's own staged assets.");
    why(
      'AwsSolutions-IAM5[Resource::*]',
      "CloudFront's CreateInvalidation and GetInvalidation support no resource-level scoping.",
    );
  }

  /** The web app's and the API's public origin: the custom domain, else the cloudfront.net name. */
  get url(): string {
    return this.domainName ? `https://${this.domainName}` : this.distributionUrl;
  }

  /** https://<distribution>.cloudfront.net, which answers even with a custom domain. */
  get distributionUrl(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** Writes /config.json, what the web app reads at start (API URL, sign-in settings). */
  publishConfig(config: Record<string, unknown>): void {
    new BucketDeployment(this, 'Config', {
      sources: [Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/config.json'],
      memoryLimit: 512,
    });
  }
}
