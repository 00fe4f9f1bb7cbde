import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  Identity,
  MailFromBehaviorOnMxFailure,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { pinLogicalId } from './pin-logical-id.ts';

export interface SenderIdentityProps {
  readonly domain: string;
  readonly mailFromDomain: string;
}

/**
 * The SES domain identity every mail is sent from: Easy DKIM with 2048-bit keys, and a custom MAIL FROM
 * domain so SPF aligns with the From domain for DMARC. The DNS records to create are stack outputs
 * (docs/deploy.md walks through them); SES verifies the domain once they resolve.
 */
export class SenderIdentity extends Construct {
  constructor(scope: Construct, id: string, { domain, mailFromDomain }: SenderIdentityProps) {
    super(scope, id);
    const identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(domain),
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain,
      // Until the MAIL FROM MX record resolves, SES sends with its own amazonses.com MAIL FROM rather than refusing.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    // Its DKIM keys are in DNS and its reputation is the account's: a stack deletion must not reset them.
    identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
    // A second identity for the same domain fails to create, and a new one would need new DKIM records.
    pinLogicalId(identity, 'SenderIdentityC573EDB0');

    const records = identity.dkimRecords.map((record) => `${record.name} CNAME ${record.value}`);
    new CfnOutput(scope, 'DkimRecords', {
      value: records.join(' ; '),
      description: `Three DKIM CNAME records to create in ${domain}'s DNS zone`,
    });
    new CfnOutput(scope, 'MailFromRecords', {
      value: `${mailFromDomain} MX 10 feedback-smtp.${Stack.of(this).region}.amazonses.com ; ${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      description: 'The two custom MAIL FROM records to create',
    });
  }
}
