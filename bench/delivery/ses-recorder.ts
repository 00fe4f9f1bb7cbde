import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through proxy in front of the SES stand-in (after test/support/ses-fault-proxy.ts, which bench/ may
 * not import) that notes when each SendRawEmail that SES accepted arrived: SES counts its sending rate on
 * arrival, so that is where a rate is measured. `GET /__bench/accepted` returns the times (ms, this process's
 * clock), `POST /__bench/reset` forgets them.
 */
export const sesRecorder = async (target: string) => {
  let accepted: number[] = [];
  const server = createServer(async (req, res) => {
    if (req.url === '/__bench/accepted') return void res.end(JSON.stringify(accepted));
    if (req.url === '/__bench/reset') return void res.end(JSON.stringify((accepted = []).length));
    const arrived = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const upstream = await fetch(`${target}${req.url ?? '/'}`, {
      method: req.method ?? 'POST',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k]) => !['host', 'content-length', 'connection'].includes(k),
        ) as [string, string][],
      ),
      ...(body.length ? { body } : {}),
    });
    if (upstream.ok && body.includes('Action=SendRawEmail')) accepted.push(arrived);
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

/** The most times that fall within any window of `windowMs`, sliding over every time. */
export const busiestWindow = (times: readonly number[], windowMs = 1000): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
};
