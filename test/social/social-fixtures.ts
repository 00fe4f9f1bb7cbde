import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { ComposedPost } from '../../shared/domain/social/social-post.ts';

export const ISSUE_URL = 'https://dimanche-radio.fr/archive/34-chambre-en-provence';

/** A composed post as the composer would hand it over: French, an emoji, the URL last. */
export const composedPost = (network: SocialNetwork, overrides: Partial<ComposedPost> = {}): ComposedPost => {
  const text = `Dimanche #34 — Chambre en Provence 🌻 « une heure de soleil » ${ISSUE_URL}`;
  const byteStart = Buffer.byteLength(text.slice(0, text.indexOf(ISSUE_URL)));
  return {
    network,
    text,
    length: { unit: 'characters', count: [...text].length, limit: 500 },
    url: ISSUE_URL,
    card: {
      url: ISSUE_URL,
      title: 'Dimanche #34 — Chambre en Provence',
      description: 'Une heure de soleil, treize titres.',
    },
    ...(network === 'bluesky'
      ? { facets: [{ byteStart, byteEnd: byteStart + Buffer.byteLength(ISSUE_URL), uri: ISSUE_URL }] }
      : {}),
    language: 'fr',
    ...overrides,
  };
};

/** A URL where nothing listens: a server started on a free port, then closed. */
export const refusedUrl = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
};

/**
 * The blog's images for card thumbnails: `/bytes/N.jpg` is an N-byte JPEG-typed body with its length,
 * `/stream/N.jpg` the same without Content-Length (chunked), `/page.html` no image at all.
 */
export const startImageServer = async () => {
  const server = createServer((req, res) => {
    const [, kind, size] = /^\/(bytes|stream)\/(\d+)\.jpg$/.exec(req.url ?? '') ?? [];
    if (!kind) {
      res.writeHead(req.url === '/page.html' ? 200 : 404, { 'content-type': 'text/html' });
      return res.end('<html></html>');
    }
    const body = Buffer.alloc(Number(size), 0xab);
    if (kind === 'bytes') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(body.length) });
      return res.end(body);
    }
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    for (let at = 0; at < body.length; at += 64 * 1024) res.write(body.subarray(at, at + 64 * 1024));
    return res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
