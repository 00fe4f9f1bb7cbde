import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** One rule broken by one resource, e.g. `AwsSolutions-IAM5[Resource::*]` at `Dimanche/Delivery/Sender/...`. */
export type NagFinding = { rule: string; path: string };
/** A `Validations.of(construct).acknowledge({ id, reason })` found in the tree. */
export type Acknowledgment = { rule: string; path: string; reason: unknown };

const findingsOf = (pack: AwsSolutionsChecks, scope: IConstruct): NagFinding[] =>
  pack.validateScope(scope).violations.flatMap((v) =>
    v.violatingResources.map((r) => ({
      rule: v.ruleName,
      path: r.constructPath ?? String(r.resourceLogicalId),
    })),
  );

/** AwsSolutions findings that no acknowledgment covers: what `cdk synth` would stop on. */
export const nagFindings = (scope: IConstruct): NagFinding[] => findingsOf(new AwsSolutionsChecks(), scope);

/**
 * Every finding, acknowledged or not. cdk-nag 3 keeps its acknowledgment check private; replacing it on this
 * one instance shows what the acknowledgments hide. Should a release rename it, every acknowledgment would
 * look stale below and the test would fail loudly rather than pass quietly.
 */
export const everyNagFinding = (scope: IConstruct): NagFinding[] => {
  const pack = new AwsSolutionsChecks();
  Reflect.set(pack, 'isAcknowledged', () => false);
  return findingsOf(pack, scope);
};

export const acknowledgments = (scope: IConstruct): Acknowledgment[] =>
  scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          // How cdk-nag reads them: CDK stores the id with an `Annotation::` prefix.
          rule: id.replace(/^annotation::/i, ''),
          path: construct.node.path,
          reason,
        })),
      ),
  );

/** A reason a reviewer can weigh: a sentence, not a blank or a placeholder such as "ok" or "needed". */
export const unexplained = (acks: Acknowledgment[]): Acknowledgment[] =>
  acks.filter(({ reason }) => typeof reason !== 'string' || reason.trim().split(/\s+/).length < 8);

/** Acknowledgments that hide nothing: one left behind would silence the next real finding at that place. */
export const stale = (acks: Acknowledgment[], every: NagFinding[]): Acknowledgment[] =>
  acks.filter(
    (ack) =>
      !every.some(
        (finding) =>
          finding.rule === ack.rule && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
      ),
  );
