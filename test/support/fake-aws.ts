import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeServer = {
  url: string;
  port: number;
  requests: { path: string; headers: IncomingMessage['headers']; body: string }[];
  close: () => Promise<void>;
};

/** A small HTTP stand-in for an AWS endpoint on this machine, recording what it was sent. */
export const fakeServer = async (
  answer: (
    request: { path: string; headers: IncomingMessage['headers']; body: string },
    response: ServerResponse,
  ) => Promise<void> | void,
  host = '127.0.0.1',
): Promise<FakeServer> => {
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(request);
    await answer(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/**
 * Checks a request's SigV4 signature the way AWS does: sign the same request again with the same credentials
 * and time, over the headers it says it signed, and compare.
 */
export const hasValidSigV4 = async (
  request: { path: string; headers: IncomingMessage['headers']; body: string },
  {
    service,
    region,
    accessKeyId,
    secretAccessKey,
    sessionToken,
  }: { service: string; region: string; accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): Promise<boolean> => {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { Hash } = await import('@smithy/hash-node');
  const authorization = String(request.headers.authorization ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!signedHeaders.length || !amzDate) return false;
  // The signature covers the body through this header's hash: AWS checks the hash against the body too.
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash && declaredHash !== createHash('sha256').update(request.body).digest('hex')) return false;
  const headers = Object.fromEntries(
    signedHeaders.map((name) => [name, String(request.headers[name] ?? '')]),
  );
  const [pathname, query = ''] = request.path.split('?');
  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    sha256: Hash.bind(null, 'sha256'),
  });
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13)}`,
  );
  const resigned = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: String(request.headers.host).split(':')[0] ?? '',
      path: pathname ?? '/',
      query: Object.fromEntries(new URLSearchParams(query)),
      headers,
      body: request.body,
    },
    { signingDate },
  );
  return resigned.headers.authorization === authorization;
};
