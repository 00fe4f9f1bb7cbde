import { Hono } from 'hono';
import type { Logger } from '../../../shared/ports/logger.ts';
import { securityHeaders } from '../../../functions/http/secure-headers.ts';
import { withProblems } from '../../../functions/http/with-problems.ts';

/**
 * The one-machine server: the local control routes next to the app. Hono answers a path no mounted app
 * matches with the outer app's not-found handler, not the app's: so this one answers like the app does
 * (problem+json 404 with the security headers), not with a bare text "404 Not Found".
 */
export const localServer = ({ control, app, logger }: { control: Hono; app: Hono; logger: Logger }) =>
  withProblems(new Hono().use('*', securityHeaders()).route('/', control).route('/', app), { logger });
