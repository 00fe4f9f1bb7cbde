import type { ServerResponse } from 'node:http';

/** An origin answer as the edge keeps it, ready to write again byte for byte. */
export type EdgeAnswer = {
  status: number;
  /** Name, value, name, value…: what @hono/node-server writes for it, Content-Length included. */
  headers: string[];
  /** The same less the representation's own fields, for a 304 (RFC 9110 §15.4.5). */
  notModified: string[];
  body: Uint8Array | null;
  etag: string | undefined;
  /** Body and header bytes, for the cache's bound. */
  size: number;
};

const REPRESENTATION = new Set(['content-type', 'content-encoding', 'content-length']);

/**
 * Reads an origin answer whole, with its header list in the order @hono/node-server writes it (the Headers'
 * own order, its default type for a body without one, then the length), so a copy served by the edge is the
 * same bytes as the origin's answer.
 */
export const edgeAnswerOf = async (response: Response): Promise<EdgeAnswer> => {
  const body = response.body === null ? null : new Uint8Array(await response.arrayBuffer());
  const headers: string[] = [];
  for (const [name, value] of response.headers) headers.push(name, value);
  if (body !== null && !response.headers.has('content-type')) {
    headers.push('content-type', 'text/plain; charset=UTF-8');
  }
  if (body !== null && !response.headers.has('content-length')) {
    headers.push('Content-Length', String(body.byteLength));
  }
  const notModified: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const [name = '', value = ''] = [headers[i], headers[i + 1]];
    if (!REPRESENTATION.has(name.toLowerCase())) notModified.push(name, value);
  }
  const size = headers.reduce((sum, part) => sum + part.length, body?.byteLength ?? 0);
  return {
    status: response.status,
    headers,
    notModified,
    body,
    etag: response.headers.get('etag') ?? undefined,
    size,
  };
};

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
const matches = (header: string | undefined, etag: string) => {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
};

/**
 * Writes a kept answer: 304 and no body when the reader's copy is the one kept (a page's, as CloudFront
 * answers it from its own copy), the headers alone for a HEAD, else the whole answer.
 */
export const writeEdgeAnswer = (
  res: ServerResponse,
  answer: EdgeAnswer,
  request: { method?: string | undefined; ifNoneMatch?: string | undefined },
) => {
  if (answer.status === 200 && answer.etag !== undefined && matches(request.ifNoneMatch, answer.etag)) {
    res.writeHead(304, answer.notModified);
    res.end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (request.method === 'HEAD' || answer.body === null) res.end();
  else res.end(answer.body);
};
