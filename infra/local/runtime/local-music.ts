import { startFakeOdesli } from '../stand-ins/music/fake-odesli.ts';
import { startFakeWeb } from '../stand-ins/music/fake-web.ts';
import { loopbackOnlyFetch } from '../social/loopback-fetch.ts';

/**
 * Track links on one machine, which has no internet: song.link is a fake on 127.0.0.1 (deterministic songs,
 * its own rate limit), and every link check goes to a fake web that answers for any address, so the whole
 * flow (resolve, re-render, check, warn) runs. Its control API makes a link dead or slow on purpose.
 */
export const localMusic = async (env: Record<string, string | undefined>) => {
  // Faster than the real API's 10 a minute, so issue #34's fifteen tracks resolve in a few seconds here;
  // the worker keeps to whatever RESOLVER_RATE_PER_MINUTE says, and the fake refuses past its own limit.
  const rate = Number(env.RESOLVER_RATE_PER_MINUTE ?? 60);
  const [odesli, web] = await Promise.all([startFakeOdesli({ ratePerMinute: rate }), startFakeWeb()]);
  return {
    env: { ODESLI_API_URL: odesli.url, RESOLVER_RATE_PER_MINUTE: String(rate) },
    resolverFetch: loopbackOnlyFetch,
    /** The fake web's base URL: the local guarded client asks it for every web address by name. */
    webUrl: web.url,
    describe: [
      `  song.link  ${odesli.url}/__fake/calls   (a fake: ${rate} calls a minute)`,
      `  the web    ${web.url}/__fake/requests   (a fake answering every link check; make one dead:`,
      `             curl -X POST ${web.url}/__fake/rules -d '{"url":"https://…","status":404}')`,
    ].join('\n'),
    close: () => Promise.all([odesli.close(), web.close()]).then(() => undefined),
  };
};
