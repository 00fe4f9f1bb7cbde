import type { Context } from 'hono';

type RuntimeEnv = {
  // hono/aws-lambda: API Gateway HTTP API (v2) or REST API (v1) event; the gateway sets the source IP itself.
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
  // @hono/node-server: the socket the request came in on.
  incoming?: { socket?: { remoteAddress?: string } };
};

/** Set by the CDN's viewer-request function (infra/constructs/cdn.ts) from the address CloudFront saw. */
export const VIEWER_IP_HEADER = 'x-dimanche-viewer-ip';
/** Sent by CloudFront alone, as an origin header: proves the request came through it (and the line above). */
export const EDGE_TOKEN_HEADER = 'x-dimanche-edge';

/**
 * The caller's IP as the runtime saw it, never from X-Forwarded-For, which any client can write. Behind the
 * CDN the runtime sees CloudFront's address: the viewer's comes in a header, believed only with the token
 * CloudFront adds. Undefined when the runtime gives none (a direct app.request in tests).
 */
export const clientIp = (c: Context, edgeToken?: string): string | undefined => {
  if (edgeToken && c.req.header(EDGE_TOKEN_HEADER) === edgeToken) {
    const viewer = c.req.header(VIEWER_IP_HEADER);
    if (viewer) return viewer;
  }
  const env = (c.env ?? {}) as RuntimeEnv;
  const context = env.event?.requestContext;
  return context?.http?.sourceIp ?? context?.identity?.sourceIp ?? env.incoming?.socket?.remoteAddress;
};
