import { adminStores } from '../../functions/wiring/admin-stores.ts';
import { appStores } from '../../functions/wiring/app-stores.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { prerenderedConfirmationMail } from '../../functions/subscribers/confirmation-mail.ts';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { sesV2Mailer } from '../../shared/adapters/ses/ses-v2-mailer.ts';

/** The subscriber half of AppDeps on the local stand-ins, for tests that build createApp's deps by hand. */
export const subscriberDeps = (doc: DynamoDBDocumentClient, tableName: string, baseUrl: string) => ({
  ...appStores(doc, tableName),
  ...adminStores(doc, tableName),
  mailer: sesV2Mailer({
    call: signedAwsFetch({
      service: 'ses',
      region: 'eu-west-3',
      endpoint: inject('sesUrl'),
      credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
    }),
  }),
  sender: { name: 'Online Sunday Morning Sound', address: 'sunday@newsletter.example.com' },
  confirmationMail: prerenderedConfirmationMail({
    publicBaseUrl: baseUrl,
    seriesName: 'Online Sunday Morning Sound',
  }),
});
