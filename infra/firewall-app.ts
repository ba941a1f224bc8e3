import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { EdgeFirewall } from './constructs/edge-firewall';

/**
 * For prod outside us-east-1 only: CloudFront's web ACL must live in us-east-1, so this tiny app
 * creates it there; pass its ARN to the main stack with -c webAclArn=<arn>.
 *   npx cdk deploy --app "npx tsx infra/firewall-app.ts"
 */
const app = new App();
const stack = new Stack(app, 'Parkbridge-edge-firewall', {
  env: { region: 'us-east-1' },
  description: 'Parkbridge: AWS WAF web ACL for the CloudFront distribution',
});
const firewall = new EdgeFirewall(stack, 'EdgeFirewall');
new CfnOutput(stack, 'WebAclArn', { value: firewall.arn, description: 'Pass as -c webAclArn=<this>' });
