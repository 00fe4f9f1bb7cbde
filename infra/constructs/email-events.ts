import { Stack } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/**
 * The SES configuration set every Sunday mail names, and the SNS topic its events go to. SNS rather than
 * EventBridge: a plain push to one function with a subscription DLQ, and the message shape SES documents.
 */
export class EmailEvents extends Construct {
  readonly configurationSet: ConfigurationSet;
  /** For IAM: SendRawEmail with this configuration set is authorised on its ARN as well as the identity's. */
  readonly configurationSetArn: string;
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Bounce and complaint rates per configuration set in CloudWatch: the numbers SES judges the account by.
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    this.configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    // No SSE: SES can publish to an encrypted topic only through a customer-managed KMS key whose policy
    // admits it, and SNS holds a message only while it delivers it.
    // enforceSSL: a publish over plain HTTP is refused (SES publishes over TLS).
    this.topic = new Topic(this, 'Topic', { displayName: 'Dimanche SES events', enforceSSL: true });
    // CDK adds the topic policy letting SES publish, scoped to this account and configuration set.
    new ConfigurationSetEventDestination(this, 'ToTopic', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      // Opens and clicks are not tracked: no pixel, no rewritten links.
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
      ],
    });
  }
}
