import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '../support/forward-request.ts';

/**
 * Sits between `npm start` and the mail tap, in the test process, so it outlives a killed stack. It records
 * the recipient of each SendRawEmail call the tap accepted (cheaper than reading the tap's store while mail
 * goes out). While holding, it leaves each call unanswered and never forwards it: a sender killed then died
 * during its SES call, before SES had the mail.
 */
export const sesGate = async (tap: string) => {
  let holding = false;
  const accepted: string[] = [];
  const held: string[] = [];
  const waiting: ServerResponse[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const to = recipientOf(body);
    if (to !== undefined && holding) return void (held.push(to), waiting.push(res));
    const upstream = await forwardRequest(tap, req, body);
    if (to !== undefined && upstream.ok) accepted.push(to);
    // A caller killed meanwhile no longer listens; the tap has the mail all the same, as SES would.
    if (res.destroyed) return;
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The recipient of each mail the tap accepted, in order. */
    accepted: () => [...accepted],
    /** The recipient of each mail held, dropped ones included. */
    held: () => [...held],
    hold: () => void (holding = true),
    /** Lets mail through again; what was held is dropped, never sent. */
    pass: () => {
      holding = false;
      for (const res of waiting.splice(0)) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** A SendRawEmail call's `To` address, read from its MIME headers; undefined for any other call. */
const recipientOf = (body: Buffer) => {
  const data = new URLSearchParams(body.toString('latin1')).get('RawMessage.Data');
  if (!data) return undefined;
  const mime = Buffer.from(data, 'base64').toString('latin1');
  const headers = mime.slice(0, mime.search(/\r?\n\r?\n/));
  const to = /^To:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1] ?? '';
  return /<([^>]+)>/.exec(to)?.[1] ?? to.trim();
};

export type SesGate = Awaited<ReturnType<typeof sesGate>>;
