import { TableDefinition } from '@parkbridge/db';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface ParkbridgeTableProps {
  /**
   * What happens to the table when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse DeleteTable.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Point-in-time recovery window, 1 to 35 days.
   * @default 35
   */
  readonly pitrRecoveryDays?: number;
}

/** Reads a request path may make: no Scan, ever (docs/data-model.md), so no function is allowed one. */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * The one Parkbridge table, built from packages/db's TableDefinition (the local server and the
 * tests build theirs from the same object): on-demand, point-in-time recovery, KMS encryption,
 * TTL, a NEW_AND_OLD_IMAGES stream and the generic GSIs. Grants name the table and each index:
 * no wildcard resources.
 */
export class ParkbridgeTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: ParkbridgeTableProps = {}) {
    super(scope, id);
    const { partitionKey, sortKey, timeToLiveAttribute, stream, globalIndexes } = TableDefinition;
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(partitionKey),
      sortKey: key(sortKey),
      billing: Billing.onDemand(),
      timeToLiveAttribute,
      dynamoStream: StreamViewType[stream],
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: {
        pointInTimeRecoveryEnabled: true,
        recoveryPeriodInDays: props.pitrRecoveryDays ?? 35,
      },
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      globalSecondaryIndexes: Object.entries(globalIndexes).map(([indexName, index]) => ({
        indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
    });
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /** The table's and every index's ARN. */
  private readArns(): string[] {
    return [
      this.table.tableArn,
      ...Object.keys(TableDefinition.globalIndexes).map((name) => `${this.table.tableArn}/index/${name}`),
    ];
  }

  /** Get, Query (table and indexes), BatchGet and condition checks. */
  grantReadData(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({ grantee, actions: READ_ACTIONS, resourceArns: this.readArns() });
  }

  /** Reads, plus Put/Update/Delete/BatchWrite (what TransactWriteItems needs per item). */
  grantReadWriteData(grantee: IGrantable): Grant {
    const read = this.grantReadData(grantee);
    const write = Grant.addToPrincipal({
      grantee,
      actions: WRITE_ACTIONS,
      resourceArns: [this.table.tableArn],
    });
    return read.combine(write);
  }
}
