import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from './forward-request.ts';

export type Fault = 'throttle' | 'quota' | undefined;

/**
 * Sits in front of the SES stand-in and answers some SendRawEmail calls with SES's own error responses,
 * which the stand-in cannot produce: "Maximum sending rate exceeded" and "Daily message quota exceeded".
 * Everything else is passed through. It records when each accepted send arrived.
 */
export const sesFaultProxy = async (target: string, decide: (attempt: number) => Fault) => {
  const accepted: number[] = [];
  const refused: { at: number; fault: Fault }[] = [];
  let attempts = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const isSend = body.toString('latin1').includes('Action=SendRawEmail');
    const fault = isSend ? decide((attempts += 1)) : undefined;
    if (fault) {
      refused.push({ at: performance.now(), fault });
      const message = fault === 'quota' ? 'Daily message quota exceeded.' : 'Maximum sending rate exceeded.';
      res.writeHead(400, { 'content-type': 'text/xml' });
      res.end(
        `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>${message}</Message></Error><RequestId>fault-${attempts}</RequestId></ErrorResponse>`,
      );
      return;
    }
    const upstream = await forwardRequest(target, req, body);
    if (isSend && upstream.ok) accepted.push(performance.now());
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The most sends that fell within any window of `windowMs`, sliding over every send time. */
export const busiestWindow = (times: number[], windowMs = 1000): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
};
