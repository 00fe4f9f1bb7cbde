import * as v from 'valibot';

// A token is sent to this URL: https only, but for the local fakes on the loopback interface.
export const baseUrlField = (fallback?: string) => {
  const url = v.pipe(
    v.string(),
    v.url('must be a URL'),
    v.check((value) => {
      const { protocol, hostname } = new URL(value);
      return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(hostname));
    }, 'must be https (or http on 127.0.0.1 for a local fake)'),
    v.transform((value) => value.replace(/\/+$/, '')),
  );
  return fallback ? v.optional(url, fallback) : url;
};

export const textField = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

export const expiresAtField = v.optional(
  v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time with its offset, e.g. 2027-01-23T08:00:00Z')),
);
