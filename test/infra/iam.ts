import type { Template } from 'aws-cdk-lib/assertions';
import type { Resource } from './template.ts';

export type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
export type PolicyStatement = { policy: string; roles: unknown[]; statement: Statement };

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

type Document = { Statement: Statement[] };

/**
 * Every statement the template grants: AWS::IAM::Policy and ManagedPolicy documents and any inline
 * policy on a role, each with the roles it is attached to.
 */
export const policyStatements = (template: Template): PolicyStatement[] => {
  const statementsOf = (policy: string, document: Document, roles: unknown[]) =>
    document.Statement.map((statement) => ({ policy, roles, statement }));
  const attached = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].flatMap((type) =>
    Object.entries(template.findResources(type) as Record<string, Resource>).flatMap(([id, r]) => {
      const { PolicyDocument, Roles } = r.Properties as { PolicyDocument: Document; Roles?: unknown[] };
      return statementsOf(id, PolicyDocument, Roles ?? []);
    }),
  );
  const inline = Object.entries(template.findResources('AWS::IAM::Role') as Record<string, Resource>).flatMap(
    ([id, r]) => {
      const policies = (r.Properties.Policies ?? []) as { PolicyName: string; PolicyDocument: Document }[];
      return policies.flatMap((p) => statementsOf(`${id}/${p.PolicyName}`, p.PolicyDocument, [{ Ref: id }]));
    },
  );
  return [...attached, ...inline];
};

/** Actions such as `dynamodb:*`, `*` or `s3:Get*`: each grants whatever the service adds next. */
export const wildcardActions = (statements: PolicyStatement[]): string[] =>
  statements.flatMap(({ statement }) => list(statement.Action).filter((action) => action.includes('*')));

/**
 * Actions IAM defines no resource type for: `*` is the only resource they can be granted on. Each entry
 * must be justified where it is granted (ses:GetSendQuota: infra/constructs/delivery-functions.ts).
 */
export const actionsWithoutResourceTypes = [
  'ses:GetSendQuota',
  // The deliverability check's account reads (infra/constructs/deliverability-check.ts).
  'ses:GetAccount',
  'ses:ListEmailIdentities',
  'lambda:GetAccountSettings',
];

/**
 * Resources that are the bare `*`; ARN patterns such as `table/index/*` are scoped and allowed, and so is a
 * statement whose every action is in `actionsWithoutResourceTypes`.
 */
export const bareWildcardResources = (statements: PolicyStatement[]): PolicyStatement[] =>
  statements.filter(
    ({ statement }) =>
      list(statement.Resource).some((resource) => resource === '*') &&
      !list(statement.Action).every((action) => actionsWithoutResourceTypes.includes(action)),
  );

/** The statements attached to one role, by the role's logical id. */
export const statementsOfRole = (statements: PolicyStatement[], roleId: string): Statement[] =>
  statements
    .filter(({ roles }) => roles.some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .map(({ statement }) => statement);

export const actionsOf = (statements: Statement[]): string[] =>
  [...new Set(statements.flatMap((s) => list(s.Action)))].sort();

export type AnyStatement = {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
  Resource?: unknown;
};

/**
 * Every statement anywhere in the template, CDK-generated or ours: any policy document in any resource's
 * properties (identity policies, trust policies, queue, topic and secret policies, whatever type comes
 * next), and Lambda permissions, which grant an action without a document. Each with its logical id.
 */
export const everyStatement = (template: Template): { resource: string; statement: AnyStatement }[] => {
  const found: { resource: string; statement: AnyStatement }[] = [];
  const walk = (resource: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(resource, item));
    if (typeof value !== 'object' || value === null) return;
    const statements = (value as { Statement?: unknown }).Statement;
    if (Array.isArray(statements)) {
      for (const statement of statements) found.push({ resource, statement: statement as AnyStatement });
    }
    Object.values(value).forEach((child) => walk(resource, child));
  };
  const resources = Object.entries(template.toJSON().Resources as Record<string, Resource>);
  for (const [id, r] of resources) {
    if (r.Type === 'AWS::Lambda::Permission') {
      found.push({ resource: id, statement: { Effect: 'Allow', Action: r.Properties.Action as string } });
    } else walk(id, r.Properties);
  }
  return found;
};

/** Actions with a `*`, including `NotAction` (which grants everything but a list). */
export const wildcardsIn = ({ Action = [], NotAction }: AnyStatement): string[] =>
  NotAction === undefined ? list(Action).filter((action) => action.includes('*')) : ['NotAction'];
