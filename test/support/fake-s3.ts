import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Stored = { body: Buffer; headers: Record<string, string> };

/**
 * S3's GET and PUT of an object, path-style (`/bucket/key`), on 127.0.0.1: what the public pages' adapter
 * calls. Keeps the content type and `x-amz-meta-*` as S3 does; refuses an unsigned request with 403.
 */
export const startFakeS3 = async () => {
  const objects = new Map<string, Stored>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const key = decodeURIComponent(request.url ?? '');
      const signed =
        (request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ') &&
        typeof request.headers['x-amz-content-sha256'] === 'string';
      if (!signed) {
        response.writeHead(403).end();
        return;
      }
      if (request.method === 'PUT') {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(
            (entry): entry is [string, string] =>
              (entry[0] === 'content-type' || entry[0].startsWith('x-amz-meta-')) &&
              typeof entry[1] === 'string',
          ),
        );
        objects.set(key, { body: Buffer.concat(chunks), headers });
        response.writeHead(200).end();
        return;
      }
      const found = objects.get(key);
      if (request.method !== 'GET' || !found) {
        response
          .writeHead(404, { 'content-type': 'application/xml' })
          .end('<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      response.writeHead(200, found.headers).end(found.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
