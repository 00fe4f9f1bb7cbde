import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { loadAwsRedirectConfig } from '../../shared/domain/settings/redirect.ts';
import { securityHeaders } from '../http/secure-headers.ts';
import { withProblems } from '../http/with-problems.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { redirectRoutes } from '../routes/redirect.ts';
import { clickStore } from '../wiring/redirect.ts';
import { openTable } from '../wiring/table.ts';

// Composition root of the click redirect: every click in every mail lands here, so it loads only the route,
// one table client and the logger (no secrets, no renderer).
const config = loadAwsRedirectConfig(process.env);
const table = openTable({ region: config.AWS_REGION, tableName: config.TABLE_NAME });
const logger = createJsonLogger({ service: 'redirect', level: config.LOG_LEVEL });

export const handler = handle(
  withProblems(
    // Served by API Gateway, HTTPS only.
    new Hono()
      .use('*', securityHeaders({ hsts: true }))
      .route('/r', redirectRoutes({ clicks: clickStore(table), logger })),
    { logger },
  ),
);
