import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { Effect, Grant, type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { nagPseudo } from './nag-names';

export interface FileBucketProps {
  /** Origins of the web app, whose browsers POST files straight to the bucket. */
  readonly corsOrigins: string[];
  /** Where S3 server access logs go. */
  readonly accessLogs: IBucket;
  /** @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long a deleted or replaced file's old version is kept (for recovery) before it goes.
   * @default 30 days
   */
  readonly noncurrentVersionDays?: number;
}

/** Every object the API writes lives under this prefix (files/<orgId>/<fileId>). */
export const FILES_PREFIX = 'files/';

/**
 * The files of needs, bids, certificates and deals: a private, encrypted, versioned bucket that
 * accepts only TLS, is never public, and is reached only through the API's presigned URLs. GuardDuty
 * Malware Protection for S3 scans every new object and tags it with its verdict, which the API reads
 * before a file may be attached. Lifecycle rules clear what abandoned uploads leave behind.
 */
export class FileBucket extends Construct {
  readonly bucket: Bucket;
  readonly malwareProtection: CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: FileBucketProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'files/',
      cors: [
        {
          allowedOrigins: props.corsOrigins,
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'abandoned-uploads',
          // A browser POST is never multipart, but an interrupted SDK upload would be.
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          // Files refused at completion or abandoned are deleted by the API: their old versions go too.
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays ?? 30),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });

    // The role GuardDuty takes to scan new objects and tag them (AWS's documented policy, scoped
    // to this bucket).
    const scanner = new Role(this, 'MalwareScanRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new files',
    });
    const stack = Stack.of(this);
    const rule = `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    scanner.addToPolicy(
      new PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [rule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
    );
    scanner.addToPolicy(
      new PolicyStatement({
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [rule],
      }),
    );
    scanner.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:PutBucketNotification',
          's3:GetBucketNotification',
          's3:GetBucketLocation',
          's3:ListBucket',
        ],
        resources: [this.bucket.bucketArn],
      }),
    );
    scanner.addToPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    scanner.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')],
      }),
    );
    this.malwareProtection = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: scanner.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [FILES_PREFIX] } },
      // The API reads the verdict from the tag (GuardDutyMalwareScanStatus) before a file may be attached.
      actions: { tagging: { status: 'ENABLED' } },
    });
    this.malwareProtection.node.addDependency(scanner);
    const bucketArn = `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>`;
    const at = nagPseudo(Stack.of(this));
    Validations.of(scanner).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:${at.partition}:events:${at.region}:${at.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
      reason:
        'GuardDuty names the EventBridge rule it manages itself; AWS documents this prefix for the plan role.',
    });
    Validations.of(scanner).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
      reason:
        'GuardDuty scans and tags every new object of this bucket (the plan itself limits it to files/).',
    });
    this.bucketArnToken = bucketArn;
  }

  private readonly bucketArnToken: string;

  /**
   * What the files function needs, no more: presign POSTs (signed with its role, so it must be
   * allowed to put), read objects and their scan tag to check them, delete refused ones, presign GETs.
   */
  grantFileAccess(grantee: IGrantable): Grant {
    const principal = grantee.grantPrincipal;
    if (Construct.isConstruct(principal))
      Validations.of(principal).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${this.bucketArnToken}/${FILES_PREFIX}*]`,
        reason:
          'Files are keyed by organisation and id under files/; the function presigns and checks any of them.',
      });
    return Grant.addToPrincipal({
      grantee,
      actions: ['s3:PutObject', 's3:GetObject', 's3:GetObjectTagging', 's3:DeleteObject'],
      resourceArns: [this.bucket.arnForObjects(`${FILES_PREFIX}*`)],
    });
  }
}
