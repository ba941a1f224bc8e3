import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface EdgeFirewallProps {
  /**
   * Requests one IP may make in any 5 minutes before it is blocked.
   * @default 2000
   */
  readonly rateLimitPer5Min?: number;
}

interface ManagedGroup {
  name: string;
  /** Rules of the group that only count: they would refuse requests the API accepts. */
  countOnly?: string[];
}

const MANAGED_GROUPS: ManagedGroup[] = [
  // The API accepts bodies up to 64 KiB; the common rule set would block anything over 8 KB.
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
  { name: 'AWSManagedRulesAmazonIpReputationList' },
];

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * AWS WAF for the CloudFront distribution (in front of the API and the web app): a per-IP rate
 * limit and AWS's managed rule groups. A CLOUDFRONT-scoped web ACL exists only in us-east-1.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps = {}) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('parkbridge-edge'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.rateLimitPer5Min ?? 2000, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('parkbridge-rate-limit'),
        },
        ...MANAGED_GROUPS.map((group, i) => ({
          name: group.name,
          priority: i + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: group.name,
              ...(group.countOnly
                ? {
                    ruleActionOverrides: group.countOnly.map((name) => ({
                      name,
                      actionToUse: { count: {} },
                    })),
                  }
                : {}),
            },
          },
          visibilityConfig: visibility(group.name),
        })),
      ],
    });
  }

  get arn(): string {
    return this.webAcl.attrArn;
  }
}
