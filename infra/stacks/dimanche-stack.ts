import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type DimancheConfig, readDeliveryConfig } from '../config.ts';
import { DimancheApi } from '../constructs/api.ts';
import { DimancheData } from '../constructs/data.ts';
import { DeliveryFunctions, SENDER_TIMEOUT } from '../constructs/delivery-functions.ts';
import { DeliveryQueues } from '../constructs/delivery-queues.ts';
import { EmailEvents } from '../constructs/email-events.ts';
import { DimancheFunctions } from '../constructs/functions.ts';
import { OperatorAlarms } from '../constructs/operator-alarms.ts';
import { DimancheSecrets } from '../constructs/secrets.ts';
import { SundaySchedule } from '../constructs/sunday-schedule.ts';

export interface DimancheStackProps extends StackProps {
  readonly config: DimancheConfig;
}

/** Table, secret, the API and render functions with the HTTP API in front, and Sunday delivery. */
export class DimancheStack extends Stack {
  constructor(scope: Construct, id: string, { config, ...props }: DimancheStackProps) {
    super(scope, id, props);
    const { table } = new DimancheData(this, 'Data');
    const { secret } = new DimancheSecrets(this, 'Secrets');
    const functions = new DimancheFunctions(this, 'Functions', { table, secret, config });
    const api = new DimancheApi(this, 'Api', { handler: functions.api, admin: functions.admin });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SecretArn', {
      value: secret.secretArn,
      description: 'Put {"webhookSecrets":["whsec_..."],"adminTokens":["..."]} here before first use',
    });

    this.addSundayDelivery(config, table, secret);
  }

  /** Issue 3: schedule, dispatch, send queue and senders, SES events, and alarms on every dead-letter queue. */
  private addSundayDelivery(config: DimancheConfig, table: Table, secret: Secret): void {
    // Read from context here: every delivery key but authorEmail has a default, so callers pass nothing new.
    const delivery = readDeliveryConfig(this.node, config);
    const queues = new DeliveryQueues(this, 'DeliveryQueues', { senderTimeout: SENDER_TIMEOUT });
    const emailEvents = new EmailEvents(this, 'EmailEvents');
    const fns = new DeliveryFunctions(this, 'Delivery', {
      table,
      secret,
      config,
      delivery,
      queues,
      emailEvents,
    });
    const schedule = new SundaySchedule(this, 'SundaySchedule', {
      dispatch: fns.dispatch,
      day: delivery.scheduleDay,
      time: delivery.scheduleTime,
      timeZone: config.timeZone,
    });
    const alarms = new OperatorAlarms(this, 'OperatorAlarms', {
      email: delivery.operatorEmail,
      deadLetterQueues: {
        Send: queues.sendDeadLetters,
        Social: queues.socialDeadLetters,
        Schedule: schedule.deadLetters,
        SesEvents: fns.sesEventsDeadLetters,
      },
    });

    new CfnOutput(this, 'SendQueueUrl', { value: queues.send.queueUrl });
    new CfnOutput(this, 'ConfigurationSetName', {
      value: emailEvents.configurationSet.configurationSetName,
      description: 'SES configuration set every Sunday mail names (events go to the SES events function)',
    });
    new CfnOutput(this, 'OperatorTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Dead-letter alarms; subscribe with -c operatorEmail=... or in the console',
    });
  }
}
