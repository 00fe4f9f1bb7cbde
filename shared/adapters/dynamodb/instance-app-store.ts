import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { InstanceApp, InstanceAppStore } from '../../ports/instance-apps.ts';
import { conditionally } from './conditional.ts';

// One item per instance and redirect address: a studio at a new address registers anew (see the port).
const appKey = (instance: string, redirectUri: string) => ({
  pk: `ACCOUNTS#INSTANCE_APP#${instance}`,
  sk: `REDIRECT#${redirectUri}`,
});

/**
 * Dimanche's app on each Mastodon instance, on the one table: kept across the admin function's containers, so
 * the callback finds the app its "Connecter" registered, whichever container answers it.
 */
export const dynamoInstanceApps = (doc: DynamoDBDocumentClient, tableName: string): InstanceAppStore => ({
  get: async (instance, redirectUri) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: appKey(instance, redirectUri), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...app } = Item;
    return app as InstanceApp;
  },
  putIfAbsent: (app) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...appKey(app.instance, app.redirectUri), ...app },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ),
});
