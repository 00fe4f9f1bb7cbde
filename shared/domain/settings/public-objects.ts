import * as v from 'valibot';
import { url } from './fields.ts';

const name = (what: string) => v.optional(v.pipe(v.string(), v.minLength(1, `${what} must not be empty`)));

/**
 * Issue 26, on AWS: the bucket of public pages (the API reads it, the render step writes it) and the queue the
 * render step tells the CDN's paths on. Unset (a stack from before the CDN): pages come from the table, as before.
 */
export const publicObjectsEnv = {
  PUBLIC_OBJECTS_BUCKET: name('PUBLIC_OBJECTS_BUCKET'),
  // The SDK's standard per-service endpoint override, for a stand-in; unset on AWS.
  AWS_ENDPOINT_URL_S3: v.optional(url('AWS_ENDPOINT_URL_S3')),
};

export const invalidationQueueEnv = {
  CDN_INVALIDATION_QUEUE_URL: v.optional(
    v.pipe(v.string(), v.minLength(1, 'CDN_INVALIDATION_QUEUE_URL must be the queue URL')),
  ),
};
