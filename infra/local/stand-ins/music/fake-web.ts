import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake answers one URL; with no rule, 200. `delayMs` holds the answer back (past a checker's timeout),
 * `headStatus` answers HEAD alone with it (a server that refuses HEAD), `redirectTo` answers `status` (302 by
 * default) with that Location, else `status` is the answer (404 and 410 for a dead page, 503 for a sick one).
 * The unkind ones: `drip` sends its headers, then a byte every 100 ms and never ends; `endless` sends an
 * image body as fast as it is read, without end (both check a client's caps on time and size).
 */
export type WebRule = {
  status?: number;
  delayMs?: number;
  headStatus?: number;
  redirectTo?: string;
  drip?: boolean;
  endless?: boolean;
};

/** What the fake was asked: `url` is the address the client meant (the original one when routed). */
export type WebRequest = { method: string; url: string; userAgent: string };

export type FakeWeb = { url: string; control: FakeWebControl; close: () => Promise<void> };

/** The prefix of a routed request: `/web/https://open.spotify.com/track/…` asks for that page. */
const ROUTED = '/web/';

// A 1×1 transparent PNG: enough for a client that checks a cover is an image.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)$|\/images?\//i;

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
};

/** Writes until the client goes away, waiting for the socket to drain: no end, and no memory spent on it. */
const endlessBody = (res: ServerResponse, contentType: string) => {
  res.writeHead(200, { 'content-type': contentType });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
};

const dripBody = (res: ServerResponse, contentType: string) => {
  res.writeHead(200, { 'content-type': contentType });
  res.flushHeaders();
  const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 100);
  res.once('close', () => clearInterval(timer));
};

const answerPage = (res: ServerResponse, url: string, status = 200) => {
  if (status === 200 && IMAGE_PATH.test(new URL(url).pathname)) {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length });
    return void res.end(PIXEL);
  }
  const title = status === 200 ? 'A page of the fake web' : `${status} from the fake web`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${title}</title><p>${escapeHtml(title)}: ${escapeHtml(url)}</p>`);
};

/**
 * "The internet" on 127.0.0.1, for link checks without a network: every URL answers 200 (a pixel for
 * image-looking paths) unless a rule says otherwise. A URL is either the fake's own (`<url>/any/path`) or a
 * routed one (`<url>/web/https://…`, what `fakeWebRoute` makes of it). Controls under `/__fake/`: `POST rules`
 * (`{ url, ...WebRule }`), `GET requests`, `POST reset`.
 */
export const startFakeWeb = async ({ port = 0 }: { port?: number } = {}): Promise<FakeWeb> => {
  const rules = new Map<string, WebRule>();
  const requests: WebRequest[] = [];
  const waiting = new Set<NodeJS.Timeout>();
  let base = '';

  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method === 'POST' && path === 'rules') {
      const { url, ...rule } = await readJson(req);
      rules.set(new URL(String(url)).href, rule as WebRule);
    } else if (req.method === 'POST' && path === 'reset') {
      rules.clear();
      requests.length = 0;
    } else if (req.method === 'GET' && path === 'requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ requests }));
    } else {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(204);
    res.end();
  };

  const page = (req: IncomingMessage, res: ServerResponse, url: string) => {
    const method = req.method ?? 'GET';
    requests.push({ method, url, userAgent: req.headers['user-agent'] ?? '' });
    const rule = rules.get(url) ?? {};
    const answer = () => {
      if (res.destroyed) return;
      if (method === 'HEAD' && rule.headStatus !== undefined) return answerPage(res, url, rule.headStatus);
      const type = IMAGE_PATH.test(new URL(url).pathname) ? 'image/png' : 'text/html; charset=utf-8';
      if (rule.endless) return endlessBody(res, type);
      if (rule.drip) return dripBody(res, type);
      if (rule.redirectTo !== undefined) {
        res.writeHead(rule.status ?? 302, { location: rule.redirectTo });
        return void res.end();
      }
      answerPage(res, url, rule.status);
    };
    if (!rule.delayMs) return answer();
    const timer = setTimeout(() => {
      waiting.delete(timer);
      answer();
    }, rule.delayMs);
    waiting.add(timer);
    // A client that gave up (a checker's timeout) frees the timer at once.
    res.once('close', () => {
      clearTimeout(timer);
      waiting.delete(timer);
    });
  };

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const handle = path.startsWith('/__fake/')
      ? control(req, res, path.slice('/__fake/'.length))
      : Promise.resolve(
          page(
            req,
            res,
            new URL(path.startsWith(ROUTED) ? path.slice(ROUTED.length) : `${base}${path}`).href,
          ),
        );
    handle.catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    control: fakeWebControl(base),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of waiting) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

/** The fake web's `/__fake/` controls, typed: for tests and for `npm start`'s demo links. */
export const fakeWebControl = (fakeUrl: string) => {
  const ask = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${fakeUrl}/__fake/${path}`, init);
    if (!response.ok) throw new Error(`fake web ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const rule = async (url: string, rule: WebRule) =>
    void (await ask('rules', { method: 'POST', body: JSON.stringify({ url, ...rule }) }));
  return {
    rule,
    dead: (url: string, status: 404 | 410 = 404) => rule(url, { status }),
    slow: (url: string, delayMs: number) => rule(url, { delayMs }),
    refuseHead: (url: string, headStatus = 405) => rule(url, { headStatus }),
    redirect: (url: string, to: string, status = 301) => rule(url, { redirectTo: to, status }),
    drip: (url: string) => rule(url, { drip: true }),
    endless: (url: string) => rule(url, { endless: true }),
    requests: async () => ((await (await ask('requests')).json()) as { requests: WebRequest[] }).requests,
    reset: async () => void (await ask('reset', { method: 'POST' })),
  };
};

export type FakeWebControl = ReturnType<typeof fakeWebControl>;

/**
 * Where the guarded client's stand-ins send a web address on a machine without internet: `https://host/path?q`
 * is asked of `<fake>/web/https://host/path?q`. Only names are routed (the guard never routes an IP literal or
 * `localhost`): an address written as one is checked as it is, and refused unless it is a stand-in's.
 */
export const fakeWebRoute =
  (fakeBaseUrl: string) =>
  (url: URL): URL =>
    new URL(`${fakeBaseUrl}${ROUTED}${url.href}`);
