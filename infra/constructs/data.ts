import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { pinLogicalId } from './pin-logical-id.ts';

/** The one secondary index: subscribers by status, campaigns by start (see docs/data-model.md). */
export const GSI1 = 'gsi1';

/**
 * The single table. Key names are generic (`pk`/`sk`, `gsi1pk`/`gsi1sk`) because the adapters in
 * `shared/adapters/dynamodb` own the item layout; infra only promises the shape, and a test checks it
 * against `tableDefinition` (what the local stand-ins create).
 */
export class DimancheData extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Subscribers and archives live here: neither a stack deletion nor a console click may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Epoch seconds (webhook receipts set it); DynamoDB deletes expired items lazily, within days.
      timeToLiveAttribute: 'expiresAt',
    });
    // The id of the first deploy, whatever this construct is called later (pin-logical-id.ts).
    pinLogicalId(this.table, 'DataTableFDBAD0F2');
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
}
