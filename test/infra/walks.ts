import type { Template } from 'aws-cdk-lib/assertions';
import type { Resource } from './template.ts';

// Walks of a synthesized template that hold whatever the settings: each returns what is wrong, empty when
// nothing is, so the settings matrix (settings-matrix.test.ts) runs them on every combination.

type GetAtt = { 'Fn::GetAtt': [string, string] };
export const resourcesOf = (t: Template, type: string) =>
  Object.entries(t.findResources(type)) as [string, Resource][];
export const getAttOf = (value: unknown): string | undefined =>
  (value as Partial<GetAtt> | undefined)?.['Fn::GetAtt']?.[0];

/**
 * The functions that something invokes asynchronously (Lambda queues the event and retries it itself): SNS
 * subscriptions, Scheduler and EventBridge targets, S3 notifications. SQS event source mappings are
 * synchronous polls: their queue's redrive policy keeps what fails.
 */
export const asyncInvoked = (t: Template): Map<string, string> => {
  const functions = new Set(resourcesOf(t, 'AWS::Lambda::Function').map(([id]) => id));
  const found = new Map<string, string>();
  const note = (target: unknown, by: string) => {
    const id = getAttOf(target);
    if (id !== undefined && functions.has(id)) found.set(id, by);
  };
  for (const [id, sub] of resourcesOf(t, 'AWS::SNS::Subscription'))
    if (sub.Properties.Protocol === 'lambda') note(sub.Properties.Endpoint, id);
  for (const [id, schedule] of resourcesOf(t, 'AWS::Scheduler::Schedule'))
    note((schedule.Properties.Target as { Arn: unknown }).Arn, id);
  for (const [id, rule] of resourcesOf(t, 'AWS::Events::Rule'))
    for (const target of (rule.Properties.Targets as { Arn: unknown }[] | undefined) ?? [])
      note(target.Arn, id);
  for (const [id, permission] of resourcesOf(t, 'AWS::Lambda::Permission'))
    if (permission.Properties.Principal === 's3.amazonaws.com') note(permission.Properties.FunctionName, id);
  return found;
};

/** Dead-letter depth alarms, by the logical id of the queue they watch. */
const depthAlarmed = (t: Template): string[] =>
  resourcesOf(t, 'AWS::CloudWatch::Alarm')
    .map(([, a]) => a.Properties)
    .filter((p) => p.MetricName === 'ApproximateNumberOfMessagesVisible')
    .map((p) => getAttOf((p.Dimensions as [{ Value: unknown }])[0].Value) ?? '');

/** What is wrong with each asynchronously invoked function's failure path. */
export const unkeptFailures = (t: Template): string[] => {
  const configs = resourcesOf(t, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties);
  const alarmed = depthAlarmed(t);
  return [...asyncInvoked(t)].flatMap(([fn, by]) => {
    const config = configs.find((c) => JSON.stringify(c.FunctionName) === JSON.stringify({ Ref: fn }));
    if (!config) return [`${fn} (invoked by ${by}) has no EventInvokeConfig`];
    const onFailure = (config.DestinationConfig as { OnFailure?: { Destination: unknown } } | undefined)
      ?.OnFailure;
    const queue = getAttOf(onFailure?.Destination);
    const problems: string[] = [];
    if (queue === undefined || t.toJSON().Resources[queue]?.Type !== 'AWS::SQS::Queue')
      problems.push(`${fn}: no SQS on-failure destination`);
    else if (!alarmed.includes(queue)) problems.push(`${fn}: nothing alarms on ${queue}`);
    if (typeof config.MaximumRetryAttempts !== 'number') problems.push(`${fn}: retry attempts unset`);
    if (typeof config.MaximumEventAgeInSeconds !== 'number') problems.push(`${fn}: no maximum event age`);
    return problems;
  });
};

/** Backlog alarms (the queue never empty for a span), by the logical id of the working queue they watch. */
export const backlogAlarms = (t: Template): Record<string, Record<string, unknown>> =>
  Object.fromEntries(
    resourcesOf(t, 'AWS::CloudWatch::Alarm')
      .map(([, a]) => a.Properties)
      .filter((p) => Array.isArray(p.Metrics))
      .flatMap((p) => {
        type Query = { MetricStat?: { Metric: { MetricName: string; Dimensions: [{ Value: unknown }] } } };
        const stats = (p.Metrics as Query[]).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));
        const queue = stats.find((s) => s.MetricName === 'ApproximateNumberOfMessagesDelayed');
        return queue ? [[getAttOf(queue.Dimensions[0].Value) ?? '', p]] : [];
      }),
  );

/** Working queues (those with a redrive policy) that no backlog alarm watches. */
export const unwatchedWorkingQueues = (t: Template): string[] => {
  const alarms = backlogAlarms(t);
  return resourcesOf(t, 'AWS::SQS::Queue')
    .filter(([, q]) => q.Properties.RedrivePolicy)
    .flatMap(([id]) => (alarms[id] ? [] : [`${id} has no backlog alarm`]));
};

type Redrive = { deadLetterTargetArn: unknown };
type RedriveAllow = { redrivePermission: string; sourceQueueArns?: unknown[] };

/**
 * Every dead-letter queue (a queue with no redrive policy of its own) says which queues may send it their
 * failures: only its source (byQueue) when one does, none (denyAll) otherwise; and it keeps a message longer
 * than its source does, since SQS counts retention from the first enqueue.
 */
export const deadLetterProblems = (t: Template): string[] => {
  const queues = resourcesOf(t, 'AWS::SQS::Queue');
  const sources = (dlq: string) =>
    queues.filter(
      ([, q]) => getAttOf((q.Properties.RedrivePolicy as Redrive | undefined)?.deadLetterTargetArn) === dlq,
    );
  return queues
    .filter(([, q]) => !q.Properties.RedrivePolicy)
    .flatMap(([id, q]) => {
      const allow = q.Properties.RedriveAllowPolicy as RedriveAllow | undefined;
      const from = sources(id);
      if (!allow) return [`${id} has no RedriveAllowPolicy`];
      if (from.length === 0)
        return allow.redrivePermission === 'denyAll'
          ? []
          : [`${id} is no queue's DLQ but allows ${allow.redrivePermission}`];
      const problems: string[] = [];
      if (allow.redrivePermission !== 'byQueue' || allow.sourceQueueArns?.length !== from.length)
        problems.push(`${id} does not allow exactly its ${from.length} source queue(s)`);
      for (const [sourceId, source] of from) {
        // The source's ARN is built from its name (a GetAtt would be a cycle): it must name this very queue.
        const arn = JSON.stringify(allow.sourceQueueArns ?? []);
        if (
          typeof source.Properties.QueueName !== 'string' ||
          !arn.includes(`:${source.Properties.QueueName}"`)
        )
          problems.push(`${id} does not name its source ${sourceId}`);
        const kept = Number(q.Properties.MessageRetentionPeriod);
        const sourceKept = Number(source.Properties.MessageRetentionPeriod ?? 4 * 24 * 3600);
        if (!(kept > sourceKept))
          problems.push(`${id} keeps ${kept} s, no longer than ${sourceId} (${sourceKept} s)`);
      }
      return problems;
    });
};

/** Route throttles naming a route the API does not have, or set before it exists. */
export const throttleProblems = (t: Template): string[] => {
  const routes = resourcesOf(t, 'AWS::ApiGatewayV2::Route');
  const resources = t.toJSON().Resources as Record<
    string,
    { Properties: Record<string, unknown>; DependsOn?: string[] }
  >;
  return resourcesOf(t, 'AWS::ApiGatewayV2::Stage').flatMap(([stageId, stage]) =>
    Object.keys((stage.Properties.RouteSettings as Record<string, unknown> | undefined) ?? {}).flatMap(
      (key) => {
        const route = routes.find(([, r]) => r.Properties.RouteKey === key);
        if (!route) return [`${stageId} throttles ${key}, which no route has`];
        return resources[stageId]?.DependsOn?.includes(route[0])
          ? []
          : [`${stageId} may be created before ${key}`];
      },
    ),
  );
};
