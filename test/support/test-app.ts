import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { testLocalConfig } from './test-config.ts';
import { inject } from 'vitest';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { dynamoSubscribers } from '../../shared/adapters/dynamodb/subscribers.ts';
import { memoryPublicObjects } from '../../shared/adapters/public-objects/memory-public-objects.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import { ADMIN_TOKEN, ROTATED_SECRET, TEST_SECRET } from './signed-request.ts';
import { freshTable } from './tables.ts';

export const BASE_URL = 'https://newsletter.example.org';

/** A clock the test moves; it starts the Tuesday before issue #34's Sunday. */
export const movableClock = (start = '2026-11-24T10:00:00Z') => {
  let now = new Date(start);
  const clock: Clock & { set: (iso: string) => void } = {
    now: () => now,
    set: (iso) => (now = new Date(iso)),
  };
  return clock;
};

/** The local composition root on a fresh dynalite table: the real app, real adapters, real renderer. */
export const testApp = async (
  env: Record<string, string> = {},
  options: {
    music?: boolean;
    logger?: Logger;
    /** The loopback stand-ins the guarded client may reach; by default the fake blog of WORDPRESS_API_URL. */
    standIns?: string[];
  } = {},
) => {
  const { tableName, doc } = await freshTable(inject('dynaliteUrl'));
  const clock = movableClock();
  const config = testLocalConfig(BASE_URL, tableName, {
    WEBHOOK_SECRETS: `${TEST_SECRET},${ROTATED_SECRET}`,
    ...env,
  });
  // With `music`: the render step ingests tracks into a music queue nobody consumes, for the test to read.
  const music = options.music ? createLocalMusic({}) : undefined;
  // The public pages the render step builds, for tests that look at them or build them as it would.
  const publicObjects = memoryPublicObjects();
  const { app, issues, renderTrigger } = createLocalApp(config, {
    clock,
    // A fake blog the test started is this app's one stand-in, as `npm start`'s is.
    outbound: localOutbound({
      standIns: options.standIns ?? (env.WORDPRESS_API_URL ? [env.WORDPRESS_API_URL] : []),
    }),
    publicObjects,
    ...(music ? { music: { queue: music.musicQueue } } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const itemsOf = async (pk: string) =>
    (
      await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      )
    ).Items ?? [];
  // The same store the app writes to, for tests that arrange or assert subscribers directly.
  const subscribers = dynamoSubscribers(doc, tableName);
  return {
    app,
    issues,
    renderTrigger,
    clock,
    doc,
    tableName,
    itemsOf,
    subscribers,
    publicObjects,
    config,
    musicQueue: music?.queue,
  };
};

export const admin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
