import { EnvName, ORIGIN_HEADER } from '@parkbridge/config';
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ParkbridgeFunction } from './parkbridge-function';

export interface OriginSecretProps {
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  readonly logRemovalPolicy: RemovalPolicy;
  /** @default Duration.days(30) */
  readonly rotateEvery?: Duration;
}

/**
 * The secret CloudFront sends the API in ORIGIN_HEADER, and the API requires: with the default
 * execute-api endpoint off, it makes CloudFront (and its WAF) the only door to the API's own
 * domain. Rotated by Secrets Manager (functions/ops/rotate-origin-secret.ts), which writes the new
 * value into the distribution; the API admits the current, previous and pending values meanwhile.
 */
export class OriginSecret extends Construct {
  readonly secret: Secret;
  private readonly props: OriginSecretProps;

  constructor(scope: Construct, id: string, props: OriginSecretProps) {
    super(scope, id);
    this.props = props;
    this.secret = new Secret(this, 'Secret', {
      description: `The value CloudFront sends the API in ${ORIGIN_HEADER}`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.removalPolicy,
    });
  }

  /** The headers CloudFront adds to what it sends the API (resolved by CloudFormation at deploy). */
  get originHeaders(): Record<string, string> {
    return { [ORIGIN_HEADER]: this.secret.secretValue.unsafeUnwrap() };
  }

  /** An API function that reads the secret's live values and refuses requests without one. */
  guard(fn: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    this.secret.grantRead(fn);
    fn.addEnvironment(EnvName.originSecretArn, this.secret.secretArn);
  }

  /** Rotation every `rotateEvery`, by a function that writes each new value into `distribution`. */
  rotateIn(distribution: Distribution): ParkbridgeFunction {
    const fn = new ParkbridgeFunction(this, 'Rotation', {
      entry: 'functions/ops/rotate-origin-secret.ts',
      serviceName: 'origin-secret-rotation',
      description: 'Rotates the origin secret and writes it into the CloudFront distribution',
      timeout: Duration.seconds(30),
      environment: { [EnvName.distributionId]: distribution.distributionId },
      logRetention: this.props.logRetention,
      logRemovalPolicy: this.props.logRemovalPolicy,
    });
    distribution.grant(fn, 'cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution');
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetRandomPassword'], resources: ['*'] }),
    );
    Validations.of(fn.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Secrets Manager’s GetRandomPassword acts on no resource, and X-Ray’s two actions support no resource-level permissions.',
    });
    this.secret.addRotationSchedule('Rotation', {
      rotationLambda: fn,
      automaticallyAfter: this.props.rotateEvery ?? Duration.days(30),
    });
    return fn;
  }
}
