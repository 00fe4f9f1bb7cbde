import { RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { pinLogicalId } from './pin-logical-id.ts';

/**
 * What the stack writes into the secret: the right shape, no values. The API function refuses it when
 * a route first needs it (at least one `whsec_` webhook secret and one admin token are required), so a
 * fresh stack fails closed until the operator puts real values:
 *
 *   aws secretsmanager put-secret-value --secret-id <SecretArn> --secret-string "$(node -e "
 *     const r = (enc) => require('node:crypto').randomBytes(32).toString(enc);
 *     console.log(JSON.stringify({ webhookSecrets: ['whsec_' + r('base64')], adminTokens: [r('base64url')],
 *       linkKeys: [{ id: 'k1', secret: r('base64url') }], subscriberIdKey: r('base64url'),
 *       wordpressToken: r('base64url') }))")"
 *
 * `wordpressToken` (optional) is the secret part of the WordPress.com webhook URL (`/webhooks/wordpress/…`).
 * `subscriberIdKey` must never change once subscribers exist (their ids are keyed hashes of their address);
 * `linkKeys` rotate: put the new key first, keep the old one while its links are in inboxes.
 *
 * Why not `generateSecretString`: it generates one flat string field, so it can produce neither the
 * arrays (kept for rotation: old and new both valid meanwhile) nor the `whsec_` + base64 form that
 * Standard Webhooks senders expect. Generating at synth time would put the secret in the template.
 *
 * Never edit this placeholder: CloudFormation would write it over the operator's values on deploy.
 */
const PLACEHOLDER = { webhookSecrets: [], adminTokens: [], linkKeys: [], subscriberIdKey: '' };

export class DimancheSecrets extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Dimanche: webhookSecrets, adminTokens, linkKeys, subscriberIdKey; set by the operator',
      // Not a secret: an empty shape, safe in the template.
      secretStringValue: SecretValue.unsafePlainText(JSON.stringify(PLACEHOLDER)),
      // The webhook sender holds a copy of these values; losing them with the stack breaks it silently.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    pinLogicalId(this.secret, 'SecretsSecret9A9454FE');
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by the operator, not by a Lambda: subscriberIdKey must never change, and the webhook secrets and link keys rotate by adding a new value next to the old one (see the comment above), which a rotation function cannot coordinate with the blog.',
    });
  }
}
