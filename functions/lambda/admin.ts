import { handle } from 'hono/aws-lambda';
import { createAdminApp } from '../admin-app.ts';
import { adminStores } from '../admin-stores.ts';
import { awsAppDeps } from './aws-app-deps.ts';

// The admin HTTP function (`/admin/*`, bearer token): preview, test-send, campaigns, subscribers and CSV.
export const handler = handle(createAdminApp(awsAppDeps(adminStores)));
