import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bucketPublicObjects } from '../../functions/lambda/public-objects.ts';
import { filePublicObjects } from '../../shared/adapters/public-objects/file-public-objects.ts';
import { memoryPublicObjects } from '../../shared/adapters/public-objects/memory-public-objects.ts';
import { publicObject } from '../../shared/domain/public-object.ts';
import type { PublicObjects } from '../../shared/ports/public-objects.ts';
import { startFakeS3 } from '../support/fake-s3.ts';

let s3: Awaited<ReturnType<typeof startFakeS3>>;
beforeAll(async () => {
  s3 = await startFakeS3();
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCAL');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-secret');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.close();
});

const bucket = () => {
  const store = bucketPublicObjects({
    PUBLIC_OBJECTS_BUCKET: 'dimanche-public',
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_REGION: 'eu-west-3',
  });
  if (!store) throw new Error('no bucket store');
  return store;
};

const STORES: { name: string; make: () => PublicObjects }[] = [
  { name: 'memory', make: memoryPublicObjects },
  { name: 'data folder', make: () => filePublicObjects(mkdtempSync(join(tmpdir(), 'public-'))) },
  { name: 'S3 bucket (signed calls to a stand-in)', make: bucket },
];

const page = publicObject('<p>Un dimanche à Nîmes — « café » 🎶</p>', 'text/html; charset=UTF-8', {
  slug: '33-un-dimanche-a-nimes',
  publicFrom: '2026-11-22',
});

describe.each(STORES)('public objects in the $name', ({ make }) => {
  it('knows nothing it was not given', async () => {
    expect(await make().get('archive/issues/404')).toBeUndefined();
  });

  it('gives back the very bytes, type, ETag and dates it was given, the last write winning', async () => {
    const store = make();
    await store.put('archive/issues/33', page);
    expect(await store.get('archive/issues/33')).toEqual(page);
    const list = publicObject('<ol></ol>', 'text/html; charset=UTF-8', {
      staleFrom: '2026-11-29',
      next: 'archive/index~2026-11-29',
    });
    await store.put('archive/index', list);
    const revised = publicObject('<p>revu</p>', 'text/html; charset=UTF-8', {
      slug: '33-revu',
      publicFrom: '2026-11-22',
    });
    await store.put('archive/issues/33', revised);
    expect(await store.get('archive/issues/33')).toEqual(revised);
    expect(await store.get('archive/index')).toEqual(list);
  });
});

describe('the data folder', () => {
  it('outlives a restart: a new process reads what the last one wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'public-'));
    await filePublicObjects(dir).put('archive/feed.xml', page);
    expect(await filePublicObjects(dir).get('archive/feed.xml')).toEqual(page);
  });
});

describe('the bucket', () => {
  it('signs its calls and keeps our fields as object metadata', async () => {
    await bucket().put('archive/issues/33', page);
    const stored = s3.objects.get('/dimanche-public/archive/issues/33');
    expect(stored?.headers).toMatchObject({
      'content-type': 'text/html; charset=UTF-8',
      'x-amz-meta-etag': page.etag,
      'x-amz-meta-slug': page.slug,
      'x-amz-meta-public-from': page.publicFrom,
    });
    expect(stored?.body.toString('utf8')).toBe(page.body);
  });
});
