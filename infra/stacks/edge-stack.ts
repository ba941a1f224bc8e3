import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';
import { EdgeFirewall } from '../constructs/edge-firewall';

/** CloudFront reads its certificate and its web ACL from this region only. */
export const EDGE_REGION = 'us-east-1';

export interface ParkbridgeEdgeStackProps extends StackProps {
  /** Attach AWS WAF: create the CLOUDFRONT-scoped web ACL here. */
  readonly waf: boolean;
  /**
   * The site's own domain name: a certificate for it, validated by DNS.
   * @default - none: the site answers on its cloudfront.net name only
   */
  readonly domain?: string;
  /**
   * A Route 53 public hosted zone of this account that holds `domain`: the validation record is
   * written there and the certificate is issued during the deploy without anyone's help.
   * @default - the deployer creates the validation record shown in the stack's events
   */
  readonly hostedZoneId?: string;
}

/**
 * What CloudFront needs in us-east-1 whatever region the data lives in: the web ACL and the
 * certificate of the custom domain. Neither holds data. The app stack reads both by weak reference
 * (Fn::GetStackOutput), so replacing the certificate or the ACL never deadlocks the two stacks.
 */
export class ParkbridgeEdgeStack extends Stack {
  readonly webAclArn: string | undefined;
  readonly certificate: ICertificate | undefined;

  constructor(scope: Construct, id: string, props: ParkbridgeEdgeStackProps) {
    super(scope, id, {
      description: 'Parkbridge: what CloudFront needs in us-east-1 (web ACL, certificate)',
      ...props,
      env: { ...props.env, region: EDGE_REGION },
    });
    if (props.waf) {
      this.webAclArn = new EdgeFirewall(this, 'EdgeFirewall').arn;
      new CfnOutput(this, 'WebAclArn', { value: this.webAclArn, description: 'The CloudFront web ACL' });
    }
    if (props.domain) {
      const zone = props.hostedZoneId
        ? HostedZone.fromHostedZoneId(this, 'Zone', props.hostedZoneId)
        : undefined;
      this.certificate = new Certificate(this, 'Certificate', {
        domainName: props.domain,
        validation: CertificateValidation.fromDns(zone),
      });
      new CfnOutput(this, 'CertificateArn', {
        value: this.certificate.certificateArn,
        description: `TLS certificate of ${props.domain} (ACM, us-east-1)`,
      });
    }
  }
}
