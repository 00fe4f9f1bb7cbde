import * as v from 'valibot';

const name = (what: string) => v.optional(v.pipe(v.string(), v.minLength(1, `${what} must not be empty`)));

/**
 * Issue 26, on AWS: the bucket of public pages (the API reads it, the render step writes it) and the queue the
 * render step tells the CDN's paths on. Unset (a stack from before the CDN): pages come from the table, as before.
 */
export const publicObjectsEnv = {
  PUBLIC_OBJECTS_BUCKET: name('PUBLIC_OBJECTS_BUCKET'),
  // The SDK's standard per-service endpoint override, for a stand-in; unset on AWS.
  AWS_ENDPOINT_URL_S3: v.optional(v.pipe(v.string(), v.url('AWS_ENDPOINT_URL_S3 must be a URL'))),
};

export const invalidationQueueEnv = {
  CDN_INVALIDATION_QUEUE_URL: v.optional(
    v.pipe(v.string(), v.minLength(1, 'CDN_INVALIDATION_QUEUE_URL must be the queue URL')),
  ),
};

/** Where the bucket answers: its own (virtual-hosted) endpoint, or a stand-in's with the bucket in the path. */
export const bucketAddress = (config: {
  PUBLIC_OBJECTS_BUCKET: string;
  AWS_ENDPOINT_URL_S3?: string | undefined;
  AWS_REGION: string;
}) =>
  config.AWS_ENDPOINT_URL_S3
    ? { endpoint: config.AWS_ENDPOINT_URL_S3, prefix: `/${config.PUBLIC_OBJECTS_BUCKET}` }
    : {
        endpoint: `https://${config.PUBLIC_OBJECTS_BUCKET}.s3.${config.AWS_REGION}.amazonaws.com`,
        prefix: '',
      };
