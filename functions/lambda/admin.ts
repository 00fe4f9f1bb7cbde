import { randomBytes } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createAdminApp } from '../admin-app.ts';
import { loadAwsApiConfig } from '../../shared/domain/settings/aws-app.ts';
import { loadAdminAccountsConfig } from '../../shared/domain/settings/admin-accounts.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { withProblems } from '../http/with-problems.ts';
import { studioApp } from '../studio/studio-app.tsx';
import { adminDeps } from '../wiring/admin.ts';
import { studioAccounts } from '../wiring/studio-accounts.ts';
import { awsHttpHome } from './aws-app-deps.ts';
import { lambdaSecret } from './load-secrets.ts';
import { invokeDispatch } from '../../shared/adapters/aws/invoke-dispatch.ts';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';

// The admin HTTP function: `/admin/*` (bearer token) and the author's studio `/studio` (magic-link session).
const config = loadAwsApiConfig(process.env);
const accounts = loadAdminAccountsConfig(process.env);
const home = awsHttpHome(config);
const deps = adminDeps(
  config,
  home,
  config.DISPATCH_FUNCTION_NAME
    ? invokeDispatch(config.DISPATCH_FUNCTION_NAME, config.AWS_REGION)
    : undefined,
);
// Issue 25: Réglages' "Connecter", once the stack gives the key and the operator's apps.
if (accounts.TOKEN_KEY_ARN && accounts.SOCIAL_APPS_SECRET_ARN) {
  const appsSecret = accounts.SOCIAL_APPS_SECRET_ARN;
  deps.studio.accounts = studioAccounts({
    table: home.table,
    sealer: kmsTokenSealer(new KMSClient({ region: config.AWS_REGION }), accounts.TOKEN_KEY_ARN),
    outbound: home.outbound,
    clock: home.clock,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random: () => randomBytes(32).toString('base64url'),
    apps: lambdaSecret(config, appsSecret, (raw) => parseOperatorApps(appsSecret, raw)),
  });
}
export const handler = handle(
  withProblems(new Hono().route('/studio', studioApp(deps)).route('/', createAdminApp(deps)), deps),
);
