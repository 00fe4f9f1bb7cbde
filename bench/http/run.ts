import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startChild } from '../delivery/child-process.ts';
import { machine, one, printTable, type Goal } from '../report.ts';
import { discardBodies } from './discard-bodies.ts';
import { describeStampede, stampede } from './stampede.ts';

/**
 * `npm run bench:http [-- --quick]`: autocannon at 100 connections on 127.0.0.1 against the local app in its
 * own process, each route right after the bare Hono route of the same server setup, then a 60-second mixed
 * run watching the app process's RSS. Over-limit sign-ups answer 429 (20 per IP per 10 minutes, and every
 * connection here is 127.0.0.1): counted apart, as the expected answer, never as an error. Every load, ours and
 * the bare route's alike, reads the answers' bytes without decoding their bodies into strings (discard-bodies.ts).
 * The stampede round is not autocannon's: its own generator (stampede.ts) opens and warms 500 connections
 * first, then times each page request from its write, for ours and the bare route alike.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const quick = process.argv.includes('--quick');
const seconds = quick ? 2 : 10;
const soakSeconds = quick ? 6 : 60;
const connections = 100;

type Server = {
  appUrl: string;
  bareUrl: string;
  headedUrl: string;
  slug: string;
  linkId: string;
  webhook: { headers: Record<string, string>; body: string };
};
type Load = {
  rps: number;
  p50: number;
  p99: number;
  codes: Record<string, number>;
  fivexx: number;
  errors: number;
  /** This process's CPU per request: when it nears a core's worth, the load generator is the limit. */
  clientMicros: number;
};

const load = async (url: string, options: Partial<autocannon.Options>, duration = seconds): Promise<Load> => {
  const before = process.cpuUsage();
  const result = await autocannon({ url, connections, duration, setupClient: discardBodies, ...options });
  const cpu = process.cpuUsage(before);
  const codes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat?.count ?? 0]),
  );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    codes,
    fivexx: result['5xx'],
    errors: result.errors + result.timeouts,
    clientMicros: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
  };
};

const vmRss = (pid: number) =>
  Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

console.log(`Machine: ${machine()}${quick ? ' (--quick: runs too short to judge)' : ''}`);
const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
const ses = await startChild<{ url: string }>('stand-in.ts', ['ses']);
const server = await startChild<Server>('bench/http/server.ts', [dynalite.first.url, ses.first.url]);
try {
  const { appUrl, bareUrl, headedUrl, slug, linkId, webhook } = server.first;
  let signUps = 0;
  const signUp = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      body: `email=lectrice.${(signUps += 1)}%40exemple.fr&name=Chlo%C3%A9`,
    }),
  };
  // What every browser and CloudFront send: the built pages go out gzipped, as they would.
  const browser = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
  const routes: { name: string; path: string; options: Partial<autocannon.Options>; expected: string[] }[] = [
    { name: 'GET /subscribe', path: '/subscribe', options: browser, expected: ['200'] },
    {
      name: 'POST /subscribe',
      path: '/subscribe',
      options: { requests: [signUp] },
      expected: ['200', '429'],
    },
    { name: `GET /archive/${slug}`, path: `/archive/${slug}`, options: browser, expected: ['200'] },
    { name: 'GET /archive', path: '/archive', options: browser, expected: ['200'] },
    { name: 'GET /archive/feed.xml', path: '/archive/feed.xml', options: browser, expected: ['200'] },
    { name: 'GET /r/:linkId', path: `/r/${linkId}`, options: {}, expected: ['302'] },
    {
      name: 'POST /webhooks/posts (replay)',
      path: '/webhooks/posts',
      options: { method: 'POST', headers: webhook.headers, body: webhook.body },
      // The first delivery of this webhook id was the seed: every replay gets its idempotent answer.
      expected: ['201'],
    },
  ];
  const goals: Goal[] = [];
  // Right after publication, before anything else asked for the page: every fediverse instance fetching the
  // link card, and readers opening "view in browser". The card's image is her blog's (og:image is the
  // cover's own URL): not served here. In the world the 500 fetchers are 500 machines whose connections
  // CloudFront holds: the connections are open and warm before the clock starts (stampede.ts).
  const stampedeOf = (origin: string, path: string) =>
    stampede({
      origin,
      path,
      connections: 500,
      requests: quick ? 1000 : 5000,
      headers: browser.headers,
      serverPid: server.process.pid as number,
    });
  // A server that has been up all week: warmed on other pages, never yet asked for the new issue's.
  for (const path of ['/subscribe', '/archive', '/archive/feed.xml'])
    await load(`${appUrl}${path}`, browser, 2);
  const ourStorm = await stampedeOf(appUrl, `/archive/${slug}`);
  // The same storm on the bare route, after: what 500 connections asking at once cost here with no work.
  const bareStorm = await stampedeOf(bareUrl, '/');
  const notOk = Object.entries(ourStorm.codes).reduce((sum, [code, n]) => sum + (code === '200' ? 0 : n), 0);
  console.log(
    `\nStampede: ${ourStorm.requests} page requests from 500 warm connections, each timed from its write to its answer's last byte`,
  );
  for (const [name, round] of [
    ['ours', ourStorm],
    ['bare', bareStorm],
  ] as const)
    console.log(`    ${name}: ${describeStampede(round)}`);
  goals.push(
    {
      goal: 'stampede: 5,000 page requests within 10 s',
      spread: one(ourStorm.seconds),
      format: (n) => `${n.toFixed(1)} s`,
      met: (n) => n <= 10,
    },
    {
      goal: 'stampede: p99 < 100 ms',
      spread: one(ourStorm.p99),
      format: (n) => `${n.toFixed(1)} ms`,
      met: (n) => n < 100,
    },
    {
      goal: 'stampede: only 200 (no 429, no 5xx), no error',
      spread: one(notOk + ourStorm.errors),
      format: (n) => n.toFixed(0),
      met: (n) => n === 0,
    },
  );
  console.log(`\n${connections} connections, ${seconds} s per route, bare route first each time`);
  for (const route of routes) {
    const bare = await load(`${bareUrl}/`, {});
    const ours = await load(`${appUrl}${route.path}`, route.options);
    const unexpected = Object.keys(ours.codes).filter((code) => !route.expected.includes(code));
    console.log(`  ${route.name}`);
    console.log(
      `    ours: ${ours.rps.toFixed(0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms, answers ${JSON.stringify(ours.codes)}, errors ${ours.errors}, load generator ${ours.clientMicros.toFixed(0)} µs/req`,
    );
    console.log(
      `    bare: ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms, load generator ${bare.clientMicros.toFixed(0)} µs/req`,
    );
    // Issue 26's goals are the public pages' (the four GETs the CDN serves); the writes and the click redirect
    // read and write the table on each request (dynalite here): they are held to answering right, and measured.
    const cached = route.name.startsWith('GET /archive') || route.name === 'GET /subscribe';
    if (route.path === `/archive/${slug}`) {
      // Not a goal: what these bytes cost whoever writes them, the stand-in's own part apart.
      const replay = await startChild<{ url: string }>('bench/http/same-answer.ts', [
        `${appUrl}${route.path}`,
        browser.headers['accept-encoding'],
      ]);
      const same = await load(`${replay.first.url}/`, browser);
      await replay.stop();
      console.log(
        `    the same answer from a raw Node listener: ${same.rps.toFixed(0)} req/s (${(same.rps / bare.rps).toFixed(2)}× bare), p99 ${same.p99} ms, load generator ${same.clientMicros.toFixed(0)} µs/req`,
      );
    }
    // The public pages: also against the bare route wearing the app's security headers, which the CDN must
    // pass unchanged (they alone halve a bare route's rate here).
    if (cached) {
      const headed = await load(`${headedUrl}/`, {});
      console.log(`    bare with security headers: ${headed.rps.toFixed(0)} req/s, p99 ${headed.p99} ms`);
      goals.push({
        goal: `${route.name}: ≥ 0.5× bare with security headers`,
        spread: one(ours.rps / headed.rps),
        format: (n) => `${n.toFixed(2)}×`,
        met: (n) => n >= 0.5,
      });
    }
    if (cached)
      goals.push(
        {
          goal: `${route.name}: ≥ 0.5× bare req/s`,
          spread: one(ours.rps / bare.rps),
          format: (n) => `${n.toFixed(2)}×`,
          met: (n) => n >= 0.5,
        },
        {
          goal: `${route.name}: p99 < 50 ms`,
          spread: one(ours.p99),
          format: (n) => `${n} ms`,
          met: (n) => n < 50,
        },
      );
    goals.push({
      goal: `${route.name}: no 5xx, no error, only ${route.expected.join('/')}`,
      spread: one(ours.fivexx + ours.errors + unexpected.length),
      format: (n) => n.toFixed(0),
      met: (n) => n === 0,
    });
  }

  // The routes readers hit all week, mixed, while the app's RSS is read every second.
  const samples: number[] = [];
  const pid = server.process.pid as number;
  const sampler = setInterval(() => samples.push(vmRss(pid)), 1000);
  const mixed = await load(
    appUrl,
    {
      requests: [
        { method: 'GET', path: '/subscribe', ...browser },
        { method: 'GET', path: `/archive/${slug}`, ...browser },
        { method: 'GET', path: '/archive', ...browser },
        { method: 'GET', path: '/archive/feed.xml', ...browser },
        { method: 'GET', path: `/r/${linkId}` },
        { method: 'POST', path: '/webhooks/posts', headers: webhook.headers, body: webhook.body },
      ],
    },
    soakSeconds,
  );
  clearInterval(sampler);
  const window = Math.max(1, Math.floor(samples.length / 6));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [first, last] = [mean(samples.slice(0, window)), mean(samples.slice(-window))];
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `\nMixed routes for ${soakSeconds} s: ${mixed.rps.toFixed(0)} req/s, p99 ${mixed.p99} ms, answers ${JSON.stringify(mixed.codes)}`,
  );
  console.log(`  app RSS: first ${window} s ${mb(first)}, last ${window} s ${mb(last)}`);
  goals.push(
    {
      goal: `mixed ${soakSeconds} s: RSS last vs first ${window} s within 10 %`,
      spread: one(last / first),
      format: (n) => `${((n - 1) * 100).toFixed(1)} %`,
      met: (n) => n <= 1.1,
    },
    {
      goal: `mixed ${soakSeconds} s: no 5xx, no error`,
      spread: one(mixed.fivexx + mixed.errors),
      format: (n) => n.toFixed(0),
      met: (n) => n === 0,
    },
  );
  console.log(`\nMachine: ${machine()}\n`);
  const met = printTable(goals);
  if (!met && !quick) process.exitCode = 1;
} finally {
  await Promise.all([server.stop(), dynalite.stop(), ses.stop()]);
}
