import type { AwsCall } from '../aws/signed-fetch.ts';
import type { PublicObject, PublicObjects } from '../../ports/public-objects.ts';

export class PublicObjectStoreError extends Error {
  override name = 'PublicObjectStoreError';
}

// Our own fields ride as object metadata, so a GET returns the page and everything the route needs at once.
const META = {
  etag: 'x-amz-meta-etag',
  slug: 'x-amz-meta-slug',
  publicFrom: 'x-amz-meta-public-from',
} as const;
const STALE = 'x-amz-meta-stale-from';
const NEXT = 'x-amz-meta-next';
const PENDING = 'x-amz-meta-pending';

/**
 * The bucket on AWS, through one signed call (S3's REST API: GET and PUT of an object), not the S3 client: the
 * public function reads pages on every cache miss, and the whole client would cost it ~200 KiB of bundle.
 * `call` is a `signedAwsFetch` for service `s3`; `prefix` is `/bucket` where the endpoint is not the bucket's own.
 */
export const s3PublicObjects = (
  call: (request: AwsCall) => Promise<Response>,
  prefix = '',
): PublicObjects => ({
  get: async (key) => {
    const response = await call({ method: 'GET', path: `${prefix}/${key}` });
    // Without s3:ListBucket a missing key answers 403, not 404: both mean "not built".
    if (response.status === 404 || response.status === 403) return undefined;
    if (!response.ok) throw new PublicObjectStoreError(`S3 GET ${key} answered ${response.status}`);
    const header = (name: string) => response.headers.get(name) ?? undefined;
    const etag = header(META.etag);
    if (!etag) throw new PublicObjectStoreError(`S3 object ${key} has no ETag of ours`);
    const extra = {
      slug: header(META.slug),
      publicFrom: header(META.publicFrom),
      staleFrom: header(STALE),
      next: header(NEXT),
      pending: header(PENDING)?.split(','),
    };
    return {
      body: await response.text(),
      contentType: header('content-type') ?? 'application/octet-stream',
      etag,
      ...Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined)),
    } satisfies PublicObject;
  },
  put: async (key, object) => {
    const headers: Record<string, string> = {
      'content-type': object.contentType,
      [META.etag]: object.etag,
      ...(object.slug ? { [META.slug]: object.slug } : {}),
      ...(object.publicFrom ? { [META.publicFrom]: object.publicFrom } : {}),
      ...(object.staleFrom ? { [STALE]: object.staleFrom } : {}),
      ...(object.next ? { [NEXT]: object.next } : {}),
      ...(object.pending ? { [PENDING]: object.pending.join(',') } : {}),
    };
    const response = await call({ method: 'PUT', path: `${prefix}/${key}`, headers, body: object.body });
    if (!response.ok) throw new PublicObjectStoreError(`S3 PUT ${key} answered ${response.status}`);
  },
});
