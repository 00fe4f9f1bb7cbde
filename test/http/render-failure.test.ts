import { describe, expect, inject, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { createApp } from '../../functions/create-app.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { inProcessRenderTrigger } from '../../infra/local/runtime/in-process-render-trigger.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-rules.ts';
import type { RenderTrigger } from '../../shared/ports/render-trigger.ts';
import { examplePostBody } from '../builders/issue.ts';
import {
  ADMIN_TOKEN,
  LINK_KEY,
  SUBSCRIBER_ID_KEY,
  signedPost,
  TEST_SECRET,
} from '../support/signed-request.ts';
import { subscriberDeps } from '../support/subscriber-deps.ts';
import { freshTable } from '../support/tables.ts';
import { BASE_URL, movableClock } from '../support/test-app.ts';

/** The render step fails once (a crashed render function, a timeout), as only an injected fault can. */
const failingOnce = (real: RenderTrigger): RenderTrigger & { calls: number } => {
  const trigger = {
    calls: 0,
    render: async (...args: Parameters<RenderTrigger['render']>) => {
      trigger.calls += 1;
      if (trigger.calls === 1) throw new Error('render function timed out');
      return real.render(...args);
    },
  };
  return trigger;
};

describe('a post whose render fails', () => {
  it('answers 500, keeps the stored revision, and renders it when the sender retries the same delivery', async () => {
    const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
    const clock = movableClock();
    const issues = dynamoIssueStore(doc, tableName);
    const logged: string[] = [];
    const renderer = createMjmlRenderer({
      seriesName: 'Online Sunday Morning Sound',
      postalAddress: '12 rue des Lilas, Paris',
      subscribeUrl: `${BASE_URL}/subscribe`,
    });
    const renderTrigger = failingOnce(
      inProcessRenderTrigger({
        store: issues,
        renderer,
        clock,
        archiveUrl: (slug) => `${BASE_URL}/archive/${slug}`,
      }),
    );
    const app = createApp({
      issues,
      receipts: dynamoWebhookReceipts(doc, tableName),
      renderTrigger,
      clock,
      logger: createJsonLogger({ service: 'test', write: (line) => logged.push(line) }),
      settings: {
        publicBaseUrl: BASE_URL,
        seriesName: 'Online Sunday Morning Sound',
        timeZone: 'Europe/Paris',
        secrets: async () => ({
          webhookSecrets: [TEST_SECRET],
          adminTokens: [ADMIN_TOKEN],
          linkKeys: [LINK_KEY],
          subscriberIdKey: SUBSCRIBER_ID_KEY,
        }),
        maxWebhookBytes: 512 * 1024,
        defaultLanguage: 'fr',
        authorLanguage: 'fr',
        social: {
          networks: [],
          hashtags: [],
          rules: DEFAULT_COMPOSE_RULES,
        },
      },
      ...subscriberDeps(doc, tableName, BASE_URL),
    });
    const delivery = signedPost(examplePostBody());

    const failed = await app.request('/webhooks/posts', delivery);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(logged.at(-1) ?? '{}')).toMatchObject({
      level: 'error',
      message: 'unhandled error',
      error: { message: 'render function timed out' },
    });
    expect(await issues.get('iss_34')).toMatchObject({ revision: 1, status: 'received' });

    const retried = await app.request('/webhooks/posts', delivery);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ revision: 1, status: 'rendered', outcome: 'unchanged' });
    expect(retried.headers.get('webhook-replayed')).toBeNull();
    expect(await issues.get('iss_34')).toMatchObject({
      revision: 1,
      status: 'rendered',
      renderedRevision: 1,
    });
  });
});
