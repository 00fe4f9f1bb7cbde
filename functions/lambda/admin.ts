import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createAdminApp } from '../admin-app.ts';
import { loadAwsApiConfig } from '../../shared/domain/settings/aws-app.ts';
import { withProblems } from '../http/with-problems.ts';
import { studioApp } from '../studio/studio-app.tsx';
import { adminDeps } from '../wiring/admin.ts';
import { awsHttpHome } from './aws-app-deps.ts';
import { invokeDispatch } from '../../shared/adapters/aws/invoke-dispatch.ts';

// The admin HTTP function: `/admin/*` (bearer token) and the author's studio `/studio` (magic-link session).
const config = loadAwsApiConfig(process.env);
const deps = adminDeps(
  config,
  awsHttpHome(config),
  config.DISPATCH_FUNCTION_NAME
    ? invokeDispatch(config.DISPATCH_FUNCTION_NAME, config.AWS_REGION)
    : undefined,
);
export const handler = handle(
  withProblems(new Hono().route('/studio', studioApp(deps)).route('/', createAdminApp(deps)), deps),
);
