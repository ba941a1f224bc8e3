import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

/** Who the shell's credentials are (AWS_PROFILE, environment, SSO...), or a message saying why not. */
export async function callerIdentity(region: string): Promise<{ account: string; arn: string }> {
  const sts = new STSClient({ region });
  try {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    return { account: me.Account as string, arn: me.Arn as string };
  } catch (err) {
    throw new Error(
      `No usable AWS credentials for ${region} (${err instanceof Error ? err.message : String(err)}). Set AWS_PROFILE or sign in (aws sso login), then run again.`,
    );
  } finally {
    sts.destroy();
  }
}

/** The CDK bootstrap stack's status in a region, or undefined where the region was never bootstrapped. */
export async function bootstrapStatus(region: string): Promise<string | undefined> {
  const cfn = new CloudFormationClient({ region });
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'CDKToolkit' }));
    return Stacks?.[0]?.StackStatus;
  } catch (err) {
    if (err instanceof Error && /does not exist/.test(err.message)) return undefined;
    throw err;
  } finally {
    cfn.destroy();
  }
}

/** CloudFormation's event text for a certificate waiting on DNS validation carries the record. */
const VALIDATION_RECORD = /Content of DNS Record is: \{Name: ([^,]+),Type: (\w+),Value: ([^}]+)\}/;

export function validationRecordIn(reason: string | undefined): string | undefined {
  const m = reason ? VALIDATION_RECORD.exec(reason) : null;
  return m ? `${m[1]} ${m[2]} ${m[3]}` : undefined;
}

/**
 * While a deploy waits for a certificate's DNS validation, finds the record to create in the edge
 * stack's events and hands it over once. Stops when `done` resolves.
 */
export async function watchCertificateValidation(
  stackName: string,
  region: string,
  onRecord: (record: string) => void,
  done: Promise<unknown>,
): Promise<void> {
  const cfn = new CloudFormationClient({ region });
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  try {
    while (!finished) {
      const events = await cfn
        .send(new DescribeStackEventsCommand({ StackName: stackName }))
        .then((r) => r.StackEvents ?? [])
        .catch(() => []);
      const record = events.map((e) => validationRecordIn(e.ResourceStatusReason)).find(Boolean);
      if (record) return onRecord(record);
      await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
    }
  } finally {
    cfn.destroy();
  }
}
