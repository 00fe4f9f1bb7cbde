import { Hono } from 'hono';
import { createAdminApp } from './admin-app.ts';
import type { AppDeps } from './app-deps.ts';
import { withProblems } from './http/with-problems.ts';
import { createPublicApp } from './public-app.ts';

/** The whole HTTP surface as one pure fetch handler: on one machine, and in tests. */
export const createApp = (deps: AppDeps) =>
  withProblems(new Hono().route('/', createAdminApp(deps)).route('/', createPublicApp(deps)), deps);
