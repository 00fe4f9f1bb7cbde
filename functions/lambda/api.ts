import { handle } from 'hono/aws-lambda';
import { loadAwsApiConfig } from '../../shared/domain/settings/aws-app.ts';
import { createPublicApp } from '../public-app.ts';
import { publicDeps } from '../wiring/http.ts';
import { awsHttpHome } from './aws-app-deps.ts';

// The public HTTP function: webhook, archive, sign-up and the signed-link pages. Kept small: every reader's
// first click after a quiet week pays its cold start. A bad configuration fails here, naming the variable.
const config = loadAwsApiConfig(process.env);
export const handler = handle(createPublicApp(publicDeps(config, awsHttpHome(config))));
