import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { GSI1 } from './data.ts';

/**
 * Item actions on the table, and Query on the one index when asked for. `table.grants.actions` would
 * grant every action on `table/index/*` as well: any index added later, and item actions an index
 * cannot even serve.
 */
export const grantTable = (table: Table, grantee: IGrantable, actions: readonly string[]): void => {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...actions], resources: [table.tableArn] }),
  );
  if (actions.includes('dynamodb:Query')) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${GSI1}`] }),
    );
  }
};
