import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { SecretsSource } from '../../shared/ports/secrets.ts';

/** Bearer token against every active admin token (several during a rotation), compared in constant time. */
export const adminAuth = (secrets: SecretsSource) =>
  bearerAuth({
    verifyToken: async (token) => {
      const { adminTokens } = await secrets();
      const matches = await Promise.all(adminTokens.map((known) => timingSafeEqual(known, token)));
      return matches.includes(true);
    },
  });
