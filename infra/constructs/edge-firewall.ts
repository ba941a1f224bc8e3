import { EDGE_RATE_LIMITS } from '@parkbridge/config';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface EdgeFirewallProps {
  /**
   * Requests per 5 minutes: per caller (bearer token), per IP without a token, per IP in all.
   * @default EDGE_RATE_LIMITS (packages/config/src/quotas.ts)
   */
  readonly rateLimits?: { perCaller: number; perIpWithoutToken: number; perIp: number };
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

const AUTHORIZATION = { name: 'authorization' };
const AS_SENT = [{ priority: 0, type: 'NONE' }];

/**
 * AWS WAF for the CloudFront distribution (in front of the API and the web app): rate limits per
 * caller (keyed by the bearer token, so people behind one NAT do not share a limit), per IP for
 * requests without a token, and a high per-IP ceiling; then AWS's managed rule groups. A
 * CLOUDFRONT-scoped web ACL exists only in us-east-1.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps = {}) {
    super(scope, id);
    const limits = props.rateLimits ?? EDGE_RATE_LIMITS;
    const rateRule = (
      name: string,
      priority: number,
      rateBasedStatement: CfnWebACL.RateBasedStatementProperty,
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      action: { block: {} },
      statement: { rateBasedStatement },
      visibilityConfig: visibility(`parkbridge-${name}`),
    });
    const rateRules = [
      rateRule('RateLimitPerIp', 0, { limit: limits.perIp, aggregateKeyType: 'IP' }),
      // A request without the header is not counted here: the next rule counts it per IP.
      rateRule('RateLimitPerCaller', 1, {
        limit: limits.perCaller,
        aggregateKeyType: 'CUSTOM_KEYS',
        customKeys: [{ header: { ...AUTHORIZATION, textTransformations: AS_SENT } }],
      }),
      rateRule('RateLimitPerIpWithoutToken', 2, {
        limit: limits.perIpWithoutToken,
        aggregateKeyType: 'IP',
        scopeDownStatement: {
          notStatement: {
            statement: {
              sizeConstraintStatement: {
                // An untyped property in CDK: written as CloudFormation spells it.
                fieldToMatch: { singleHeader: { Name: AUTHORIZATION.name } },
                comparisonOperator: 'GT',
                size: 0,
                textTransformations: AS_SENT,
              },
            },
          },
        },
      }),
    ];
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('parkbridge-edge'),
      rules: [
        ...rateRules,
        ...MANAGED_GROUPS.map((group, i) => ({
          name: group.name,
          priority: rateRules.length + i,
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
