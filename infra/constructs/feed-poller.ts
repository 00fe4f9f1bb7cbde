import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { keepAsyncFailures } from './async-failures.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { InvokeLatest } from './invoke-latest.ts';
import { grantTable } from './table-grants.ts';

/** Every 15 minutes: a new post reaches the issue within a quarter of an hour, at ~2,900 invocations a month. */
export const FEED_POLL_RATE = Duration.minutes(15);

export interface FeedPollerProps {
  readonly table: Table;
  /** The new entry's issue is rendered as the webhook's is. */
  readonly render: NodejsFunction;
  readonly feedUrl: string;
  /** Site and mail settings (the warning to the author), as the other functions get them. */
  readonly environment: Record<string, string>;
  readonly sendRawEmail: PolicyStatement;
}

/** Issue 15: her feed polled on a schedule, each new entry an issue, for a blog that cannot send a webhook. */
export class FeedPoller extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: FeedPollerProps) {
    super(scope, id);
    const { table, render } = props;
    this.fn = new DimancheFunction(this, 'Function', {
      entry: 'functions/lambda/feed-poll.ts',
      description: 'Polls the blog feed (conditional GET) and takes each new entry in as an issue',
      memorySize: 256,
      // A few entries, each fetched from the blog and rendered synchronously.
      timeout: Duration.seconds(120),
      environment: {
        ...props.environment,
        TABLE_NAME: table.tableName,
        RENDER_FUNCTION_NAME: render.functionName,
        FEED_URL: props.feedUrl,
      },
    }).fn;
    // The poll state, and accept-post's reads and conditional writes (the Sunday index for a free Sunday).
    grantTable(table, this.fn, [
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:Query',
    ]);
    render.grantInvokeLatestVersion(this.fn);
    this.fn.addToRolePolicy(props.sendRawEmail);

    new Schedule(this, 'Schedule', {
      description: 'Dimanche: polls the blog feed for new posts',
      schedule: ScheduleExpression.rate(FEED_POLL_RATE),
      // A missed poll is the next one's work: no retries, so a slow blog never stacks invocations.
      target: new InvokeLatest(this.fn, { retryAttempts: 0, maxEventAge: Duration.minutes(14) }),
    });
    // Lambda's own retries neither (its default is two, whatever the schedule says); a poll that threw is
    // kept, so the Errors alarm has the event beside it and `npm run redrive` can replay it.
    keepAsyncFailures(this, 'Failures', this.fn, { maxEventAge: Duration.minutes(14), retryAttempts: 0 });
  }
}
