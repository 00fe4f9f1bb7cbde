import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { readCliJsonText } from './cli-file.ts';
import { localSecrets } from '../runtime/local-secrets.ts';
import { apiUrl, dataDir, secretsFile } from '../paths.ts';

/** `npm run post -- file.json`: signs a post like the author's blog would and sends it to the local API. */
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run post -- path/to/post.json');
  process.exit(2);
}
// The file first: a wrong path is the likeliest mistake, and it needs no running stack to say so.
const payload = readCliJsonText(file);
const secrets = localSecrets(secretsFile);
const id = `msg_${randomUUID()}`;
const now = new Date();
const signature = new Webhook(secrets.webhookSecret).sign(id, now, payload);

const response = await fetch(`${apiUrl}/webhooks/posts`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signature,
  },
  body: payload,
}).catch((error: unknown) => {
  console.error(`Could not reach ${apiUrl}: is \`npm start\` running? (${String(error)})`);
  process.exit(1);
});
const body = (await response.json()) as { id?: string; revision?: number; links?: { preview: string } };
console.log(`${response.status} ${response.statusText}`);
console.log(JSON.stringify(body, null, 2));
if (!response.ok || !body.links) process.exit(1);

const preview = await fetch(body.links.preview, {
  headers: { authorization: `Bearer ${secrets.adminToken}` },
});
if (preview.ok) {
  const out = resolve(dataDir, 'previews', `${body.id}-r${body.revision}.html`);
  mkdirSync(resolve(dataDir, 'previews'), { recursive: true });
  writeFileSync(out, await preview.text());
  console.log(`\nPreview saved: file://${out}`);
}
