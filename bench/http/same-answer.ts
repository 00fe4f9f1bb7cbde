import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitWithParent, say } from '../delivery/child-process.ts';

/**
 * `same-answer.ts <url> <accept-encoding>`: one answer of `url` (status, header list, body bytes) replayed by
 * a raw Node listener in its own process that does nothing else: no routing, no cache lookup. Next to the page
 * behind the CDN stand-in, it tells what the bytes of that answer cost on this machine whoever serves them,
 * apart from what the stand-in adds. Prints its URL.
 */
exitWithParent();
const [url = '', acceptEncoding = ''] = process.argv.slice(2);
// Written by Node on each answer, as on the app's: not part of what is replayed.
const PER_ANSWER = new Set(['date', 'connection', 'keep-alive']);

const answer = await new Promise<{ status: number; headers: string[]; body: Buffer }>((resolve, reject) => {
  request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body: Buffer.concat(chunks) }),
    );
    res.on('error', reject);
  })
    .on('error', reject)
    .end();
});
const headers: string[] = [];
for (let i = 0; i < answer.headers.length; i += 2) {
  const [name = '', value = ''] = [answer.headers[i], answer.headers[i + 1]];
  if (!PER_ANSWER.has(name.toLowerCase())) headers.push(name, value);
}
const server = createServer((_req, res) => {
  res.writeHead(answer.status, headers);
  res.end(answer.body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
say({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
