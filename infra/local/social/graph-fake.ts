import { randomBytes } from 'node:crypto';
import { bearer, type FakeAnswer, type FakeRequest, params } from './fake-network.ts';

/** Meta's error shape, shared by the Facebook Graph API and Threads. */
export const graphError = (
  status: number,
  code: number,
  message: string,
  extra: { error_subcode?: number; type?: string; is_transient?: boolean } = {},
): FakeAnswer => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...extra,
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  },
});

/** The token of a Graph call: `access_token` in the query or body, or a bearer header. */
export const graphToken = (request: FakeRequest) => params(request).access_token ?? bearer(request);

export const invalidToken = () =>
  graphError(
    400,
    190,
    'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    { error_subcode: 460 },
  );

/** Facebook's date format: 2026-11-29T09:00:00+0000. */
export const graphTime = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** `fields=a,b` keeps only those fields (and always the id), as the Graph API does. */
export const pick = (fields: string | undefined, object: Record<string, unknown>) => {
  const wanted = new Set(['id', ...(fields ?? 'id').split(',')]);
  return Object.fromEntries(
    Object.entries(object).filter(([key, value]) => wanted.has(key) && value !== undefined),
  );
};
