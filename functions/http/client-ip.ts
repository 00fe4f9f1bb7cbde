import type { Context } from 'hono';

type RuntimeEnv = {
  // hono/aws-lambda: API Gateway HTTP API (v2) or REST API (v1) event; the gateway sets the source IP itself.
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
  // @hono/node-server: the socket the request came in on.
  incoming?: { socket?: { remoteAddress?: string } };
};

/**
 * The caller's IP as the runtime saw it, never from X-Forwarded-For, which any client can write.
 * Undefined when the runtime gives none (a direct app.request in tests).
 */
export const clientIp = (c: Context): string | undefined => {
  const env = (c.env ?? {}) as RuntimeEnv;
  const context = env.event?.requestContext;
  return context?.http?.sourceIp ?? context?.identity?.sourceIp ?? env.incoming?.socket?.remoteAddress;
};
