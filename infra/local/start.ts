import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { loadLocalConfig } from '../../functions/config/local-config.ts';
import { createLocalApp } from '../../functions/local/local-app.ts';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table.ts';
import { localSecrets, localSecretsEnv } from './local-secrets.ts';
import { dataDir, secretsFile } from './paths.ts';
import { startDynalite, startSes } from './stand-ins.ts';

/** `npm start`: the whole system on one machine, data kept in .data/ across restarts. */
// Node 20 is what these machines run; the SDK's notice about Node 22 is for the Lambda runtime, which has it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT ?? 3000);
mkdirSync(resolve(dataDir, 'dynamodb'), { recursive: true });
const secrets = localSecrets(secretsFile);

const dynamo = await startDynalite({
  port: Number(process.env.DYNAMODB_PORT ?? 4567),
  path: resolve(dataDir, 'dynamodb'),
});
const ses = await startSes({ port: Number(process.env.SES_PORT ?? 8005) });
const config = loadLocalConfig({
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  ...localSecretsEnv(secrets),
  ...process.env,
  DYNAMODB_ENDPOINT: dynamo.url,
  SES_ENDPOINT: ses.url,
});
await ensureTable(
  new DynamoDBClient({
    endpoint: dynamo.url,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
  config.TABLE_NAME,
);
const { app } = createLocalApp(config);
const api = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });

console.log(`
Dimanche is running on this machine.

  API            ${config.PUBLIC_BASE_URL}   (health: ${config.PUBLIC_BASE_URL}/health)
  Mail viewer    ${ses.url}   (sent mail as JSON: ${ses.url}/store)
  DynamoDB       ${dynamo.url}   (dynalite, table "${config.TABLE_NAME}", data in ${resolve(dataDir, 'dynamodb')})
  Secrets        ${secretsFile}

Send the sample post, signed with the local webhook secret:
  npm run post -- examples/sunday-morning-sound-34.json

Preview an issue (admin token from the secrets file):
  curl -H "Authorization: Bearer ${secrets.adminToken}" ${config.PUBLIC_BASE_URL}/admin/issues/iss_34/preview

Ctrl-C stops everything; the data stays for the next start.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((done) => api.close(() => done()));
  await Promise.all([ses.close(), dynamo.close()]);
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
