import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * CloudFormation knows a resource by its logical id only. CDK derives that id from the construct path, so
 * renaming or moving a construct (`Data` → `Storage`) would make the next deploy create a new, empty table or
 * secret and orphan the old one (retained, never deleted): the app would start again with no subscribers, no
 * keys, a new unverified identity. Stateful resources carry the id they were first deployed with instead;
 * test/infra/stateful-ids.test.ts holds the same list and says why when one changes.
 */
export const pinLogicalId = (construct: IConstruct, logicalId: string): void => {
  const resource = construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to pin`);
  }
  resource.overrideLogicalId(logicalId);
};
