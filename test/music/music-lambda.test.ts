import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { parseMusicMessage } from '../../shared/usecases/music/music-message.ts';
import { odesliControl, startFakeOdesli } from '../../infra/local/stand-ins/music/fake-odesli.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import type { TrackLinkStore } from '../../shared/ports/track-link-store.ts';
import { type FakeServer } from '../support/fake-aws.ts';
import { fakeSqs, sqsCalls } from '../support/fake-sqs.ts';
import { freshTable } from '../support/tables.ts';

type Handler = (event: {
  Records: { messageId: string; receiptHandle: string; body: string }[];
}) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

const URL_34_1 = 'https://www.deezer.com/track/3135556';
const AUTHOR = `autrice@music-lambda-${randomUUID().slice(0, 8)}.example.org`;
let handler: Handler;
let links: TrackLinkStore;
let odesli: Awaited<ReturnType<typeof startFakeOdesli>>;
let sqs: FakeServer;

const record = (messageId: string, body: unknown) => ({
  messageId,
  receiptHandle: `r-${messageId}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The music worker as AWS runs it: SQS records in, dynalite through the SDK's endpoint, song.link a fake. */
beforeAll(async () => {
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  links = dynamoTrackLinkStore(doc, tableName);
  odesli = await startFakeOdesli({ ratePerMinute: 600 });
  const queue = await fakeSqs();
  sqs = queue;
  const env = {
    AWS_REGION: 'eu-west-3',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-secret-key',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynaliteUrl'),
    TABLE_NAME: tableName,
    PUBLIC_BASE_URL: 'https://newsletter.example.org',
    MUSIC_QUEUE_URL: queue.queueUrl('dimanche-music'),
    RENDER_FUNCTION_NAME: 'dimanche-render',
    ODESLI_API_URL: odesli.url,
    LOG_LEVEL: 'silent',
    AWS_ENDPOINT_URL_SES: inject('sesUrl'),
    AUTHOR_EMAIL: AUTHOR,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler } = (await import('../../functions/lambda/music.ts')) as unknown as { handler: Handler });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([odesli?.close(), sqs?.close()]);
});

describe('the music worker as deployed', () => {
  it('resolves a track once, however often its message comes', async () => {
    const message = { kind: 'resolve', issueId: 'iss_34', url: URL_34_1 };
    expect(await handler({ Records: [record('a', message)] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [record('b', message)] })).toEqual({ batchItemFailures: [] });
    const cached = (await links.getMany([trackUrlKey(URL_34_1)])).get(trackUrlKey(URL_34_1));
    expect(cached).toMatchObject({ status: 'resolved', url: URL_34_1 });
    expect(await odesliControl(odesli.url).calls()).toHaveLength(1);
  });

  it('fails only the malformed record, and takes the eve schedule’s message (no issue due: she is told)', async () => {
    const result = await handler({
      Records: [
        record('bad-json', '{'),
        record('bad-kind', { kind: 'send', issueId: 'iss_34' }),
        record('no-issue', { kind: 'check', reason: 'ingest' }),
        record('eve', { kind: 'check', reason: 'eve' }),
      ],
    });
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      'bad-json',
      'bad-kind',
      'no-issue',
    ]);
    expect(sqsCalls(sqs)).toEqual([]);
    const { emails } = (await (await fetch(`${inject('sesUrl')}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] }; body: { html?: string } }[];
    };
    const told = emails.filter((m) => m.destination.to.some((to) => to.includes(AUTHOR)));
    expect(told.map((m) => m.subject)).toEqual([expect.stringMatching(/\u00a0: aucun numéro prévu$/)]);
    expect(told[0]?.body.html).toContain('href="https://newsletter.example.org/studio"');
  });
});

describe('music messages', () => {
  it('reads the three shapes, keeping a retry’s attempt count', () => {
    expect(
      parseMusicMessage('{"kind":"resolve","issueId":"iss_34","url":"https://x.example/t","attempt":2}'),
    ).toEqual({
      ok: true,
      message: { kind: 'resolve', issueId: 'iss_34', url: 'https://x.example/t', attempt: 2 },
    });
    expect(parseMusicMessage('{"kind":"check","issueId":"iss_34","reason":"ingest"}')).toEqual({
      ok: true,
      message: { kind: 'check', issueId: 'iss_34', reason: 'ingest' },
    });
    expect(parseMusicMessage('{"kind":"check","reason":"eve"}')).toEqual({
      ok: true,
      message: { kind: 'check', reason: 'eve' },
    });
  });

  it('names what is wrong', () => {
    expect(parseMusicMessage('{"kind":"resolve","issueId":"34","url":"https://x.example/t"}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not an issue id'),
    });
    expect(parseMusicMessage('{"kind":"check","reason":"ingest"}')).toEqual({
      ok: false,
      error: 'an ingest check names its issue',
    });
    expect(parseMusicMessage('[]')).toMatchObject({ ok: false });
  });
});
