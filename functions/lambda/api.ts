import { handle } from 'hono/aws-lambda';
import { createPublicApp } from '../public-app.ts';
import { awsAppDeps } from './aws-app-deps.ts';

// The public HTTP function: webhook, archive, sign-up and the signed-link pages. Kept small: every reader's
// first click after a quiet week pays its cold start.
export const handler = handle(createPublicApp(awsAppDeps()));
