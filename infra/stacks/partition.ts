/** The AWS partition a region belongs to: separate accounts, endpoints and ARNs (`arn:aws-cn:…`). */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A region name as AWS spells them (eu-central-1, ap-southeast-7, cn-northwest-1, us-gov-west-1). */
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Something the stack uses that the AWS China regions lack or do differently. */
export interface PartitionGap {
  id: string;
  /** Found in a template by this resource type, or by a property check. */
  match: { resourceType: string } | { lambdaTracing: true } | { cloudFrontDefaultDomain: true };
  /** Stops the stack from working in China until the code changes (not just a manual step). */
  blocks: boolean;
  what: string;
  source: string;
}

/**
 * What stands between this stack and the AWS China partition (Beijing cn-north-1, Ningxia
 * cn-northwest-1), from the "Getting Started with AWS in China" service pages. docs/deployment.md
 * explains each; the aws-cn synth test finds exactly these in the template.
 */
export const AWS_CN_GAPS: PartitionGap[] = [
  {
    id: 'cognito-user-pools',
    match: { resourceType: 'AWS::Cognito::UserPool' },
    blocks: true,
    what: 'Cognito user pools are not available in the China regions (only identity pools, in Beijing): sign-in, the JWT authorizer and the pre-token trigger need another OpenID Connect provider.',
    source: 'https://docs.amazonaws.cn/en_us/aws/latest/userguide/cognito.html',
  },
  {
    id: 'lambda-xray',
    match: { lambdaTracing: true },
    blocks: true,
    what: 'X-Ray integration with Lambda (active tracing) is not available in the China regions.',
    source: 'https://docs.amazonaws.cn/en_us/aws/latest/userguide/lambda.html',
  },
  {
    id: 'cloudfront-default-domain',
    match: { cloudFrontDefaultDomain: true },
    blocks: true,
    what: 'CloudFront in China cannot serve on its *.cloudfront.cn name: it needs an ICP-registered alternate domain with an IAM server certificate (ACM certificates are not supported there).',
    source: 'https://docs.amazonaws.cn/en_us/aws/latest/userguide/cloudfront.html',
  },
  {
    id: 'cloudfront-origin-access-control',
    match: { resourceType: 'AWS::CloudFront::OriginAccessControl' },
    blocks: true,
    what: 'Origin access control was reported missing in China (CloudFormation: "Unrecognized resource types"); China deployments use an origin access identity.',
    source: 'https://github.com/awslabs/aws-solutions-constructs/issues/1050',
  },
  {
    id: 'guardduty-malware-protection-s3',
    match: { resourceType: 'AWS::GuardDuty::MalwareProtectionPlan' },
    blocks: true,
    what: 'GuardDuty Malware Protection is listed as unavailable in Beijing and Ningxia; without its verdict tag no upload ever completes.',
    source:
      'https://docs.aws.amazon.com/config/latest/developerguide/guardduty-malware-protection-enabled.html',
  },
  {
    id: 'waf-cloudfront-scope',
    match: { resourceType: 'AWS::WAFv2::WebACL' },
    blocks: false,
    what: 'AWS WAF is regional only in China: no CLOUDFRONT-scoped web ACL, so prod in China runs without WAF in front of CloudFront.',
    source: 'https://docs.amazonaws.cn/en_us/aws/latest/userguide/waf.html',
  },
];

interface TemplateResource {
  Type: string;
  Properties?: {
    TracingConfig?: { Mode?: string };
    DistributionConfig?: { Aliases?: unknown[] };
  };
}
type Template = { Resources: Record<string, TemplateResource> };

/** The gaps a synthesized template runs into in the China partition. */
export function chinaGapsIn(template: Template): PartitionGap[] {
  const resources = Object.values(template.Resources);
  return AWS_CN_GAPS.filter((gap) => {
    const m = gap.match;
    if ('resourceType' in m) return resources.some((r) => r.Type === m.resourceType);
    if ('lambdaTracing' in m) {
      return resources.some(
        (r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.TracingConfig?.Mode === 'Active',
      );
    }
    return resources.some(
      (r) => r.Type === 'AWS::CloudFront::Distribution' && !r.Properties?.DistributionConfig?.Aliases?.length,
    );
  });
}
