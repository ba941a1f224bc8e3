import { Validations } from 'aws-cdk-lib';
import type { IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  type ILambdaDeploymentConfig,
  LambdaApplication,
  LambdaDeploymentGroup,
} from 'aws-cdk-lib/aws-codedeploy';
import { Alias, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface SafeRolloutsProps {
  /** How traffic moves to a new version: a canary in prod, all at once in dev. */
  readonly deploymentConfig: ILambdaDeploymentConfig;
}

/** The alias callers use; a release moves it from the old version to the new one. */
export const LIVE_ALIAS = 'live';

/**
 * Releases of a function reach its callers through a `live` alias that CodeDeploy shifts from the
 * old version to the new one (10 % for 5 minutes in prod) and shifts back when one of the given
 * alarms fires during the shift. One CodeDeploy application for the stack.
 */
export class SafeRollouts extends Construct {
  private readonly application: LambdaApplication;
  private readonly config: ILambdaDeploymentConfig;

  constructor(scope: Construct, id: string, props: SafeRolloutsProps) {
    super(scope, id);
    this.config = props.deploymentConfig;
    this.application = new LambdaApplication(this, 'Application');
  }

  /** The function's `live` alias, on the version this deploy publishes. Route callers here. */
  liveAlias(fn: LambdaFunction): Alias {
    return new Alias(fn, 'Live', { aliasName: LIVE_ALIAS, version: fn.currentVersion });
  }

  /** A deployment group for the alias, rolled back automatically by any of the alarms. */
  guard(label: string, alias: Alias, alarms: IAlarm[]): LambdaDeploymentGroup {
    const group = new LambdaDeploymentGroup(this, label, {
      application: this.application,
      alias,
      deploymentConfig: this.config,
      alarms,
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    Validations.of(group).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      reason:
        "CodeDeploy's limited Lambda role may only read and move aliases and call hooks named CodeDeployHook_*.",
    });
    return group;
  }
}
