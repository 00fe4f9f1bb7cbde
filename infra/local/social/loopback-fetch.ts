/**
 * The fetch the publishers get on this machine: the fake networks answer on 127.0.0.1, and nothing else may
 * be reached (a cover image on the author's real blog, say). Refused like an unreachable host: the Bluesky
 * card then goes out without its thumbnail, as it would if the blog were down.
 */
export const loopbackOnlyFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error(`connect ECONNREFUSED ${url.host} (not loopback)`), {
        code: 'ECONNREFUSED',
      }),
    });
  return fetch(input, init);
};
