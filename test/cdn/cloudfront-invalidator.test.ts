import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidationBatch } from '../../shared/adapters/cdn/invalidation-batch.ts';
import {
  CdnInvalidationError,
  cloudFrontInvalidator,
} from '../../shared/adapters/cdn/cloudfront-invalidator.ts';
import { queuedInvalidator, type InvalidationMessage } from '../../shared/adapters/cdn/queued-invalidator.ts';
import { startFakeCloudFront } from '../support/fake-cloudfront.ts';

let cloudFront: Awaited<ReturnType<typeof startFakeCloudFront>>;
beforeAll(async () => {
  cloudFront = await startFakeCloudFront();
});
afterAll(() => cloudFront.close());

const client = (maxAttempts = 3) =>
  new CloudFrontClient({
    endpoint: cloudFront.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
    maxAttempts,
  });

/** What the render step puts on the queue, then what the worker makes of one batch of it. */
const renderAndDeliver = async (changes: string[][], messageIds: string[]) => {
  const queued: InvalidationMessage[] = [];
  const invalidator = queuedInvalidator({ enqueue: async (message) => void queued.push(message) });
  for (const paths of changes) await invalidator.invalidate(paths);
  const records = queued.map((message, index) => ({
    messageId: messageIds[index] ?? String(index),
    body: JSON.stringify(message),
  }));
  const { paths, reference } = invalidationBatch(records);
  await cloudFrontInvalidator({
    distributionId: 'E2DIMANCHE',
    client: client(),
    reference: () => reference,
  }).invalidate(paths);
  return { paths, reference };
};

describe('the CDN invalidation, from the render step to CloudFront', () => {
  it('sends a batch of changed paths once each, as one signed CreateInvalidation on the distribution', async () => {
    const before = cloudFront.invalidations.length;
    await renderAndDeliver(
      [
        ['/archive/34-chambre-en-camargue', '/archive/34-chambre-en-provence', '/archive'],
        ['/archive', '/archive/feed.xml'],
      ],
      ['m-1', 'm-2'],
    );
    const sent = cloudFront.invalidations.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.distributionId).toBe('E2DIMANCHE');
    expect(sent[0]?.paths).toEqual([
      '/archive',
      '/archive/34-chambre-en-camargue',
      '/archive/34-chambre-en-provence',
      '/archive/feed.xml',
    ]);
    expect(sent[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDLOCAL\/\d{8}\/us-east-1\/cloudfront\//,
    );
  });

  it('makes a redelivered batch the same invalidation, and a later revision of the same page a new one', async () => {
    const before = cloudFront.invalidations.length;
    const first = await renderAndDeliver([['/archive/35-x']], ['m-35-a']);
    const again = await renderAndDeliver([['/archive/35-x']], ['m-35-a']);
    const later = await renderAndDeliver([['/archive/35-x']], ['m-35-b']);
    expect(again.reference).toBe(first.reference);
    expect(later.reference).not.toBe(first.reference);
    expect(cloudFront.invalidations.slice(before).map((i) => i.paths)).toEqual([
      ['/archive/35-x'],
      ['/archive/35-x'],
    ]);
  });

  it('tells nothing when nothing changed', async () => {
    const before = cloudFront.invalidations.length;
    const queued: InvalidationMessage[] = [];
    await queuedInvalidator({ enqueue: async (message) => void queued.push(message) }).invalidate([]);
    expect(queued).toEqual([]);
    expect(cloudFront.invalidations.length).toBe(before);
  });

  it('rides out a throttled answer, and names the paths when CloudFront keeps refusing', async () => {
    cloudFront.failNext(1);
    const invalidator = (attempts: number) =>
      cloudFrontInvalidator({
        distributionId: 'E2DIMANCHE',
        client: client(attempts),
        reference: () => `r-${attempts}`,
      });
    await invalidator(3).invalidate(['/archive/36-y']);
    expect(cloudFront.invalidations.at(-1)?.paths).toEqual(['/archive/36-y']);
    cloudFront.failNext(1);
    const refused = invalidator(1).invalidate(['/archive/37-z']);
    await expect(refused).rejects.toThrow(CdnInvalidationError);
    await expect(refused).rejects.toThrow('/archive/37-z');
  });
});
