import { type Stack, Token } from 'aws-cdk-lib';

/**
 * The stack's partition, region and account as cdk-nag spells them in a finding's id: `<AWS::Region>`
 * while the stack is environment-agnostic, the literal once a region is chosen.
 */
export function nagPseudo(stack: Stack): { partition: string; region: string; account: string } {
  const name = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  return {
    partition: name(stack.partition, 'Partition'),
    region: name(stack.region, 'Region'),
    account: name(stack.account, 'AccountId'),
  };
}
