import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataDir } from '../../paths.ts';

// Where `npm start` leaves the fake blog's address for `npm run blog`: its port is the OS's pick unless
// WORDPRESS_PORT is set, so two stacks (the tests start several) never collide.
const addressFile = () => resolve(dataDir, 'local-blog.json');

export const fakeWordpressPort = () => Number(process.env.WORDPRESS_PORT ?? 0);

export const rememberFakeWordpressUrl = (url: string) =>
  writeFileSync(addressFile(), `${JSON.stringify({ url })}\n`);

export const fakeWordpressUrl = (): string | undefined => {
  if (process.env.WORDPRESS_FAKE_URL) return process.env.WORDPRESS_FAKE_URL;
  if (!existsSync(addressFile())) return undefined;
  return (JSON.parse(readFileSync(addressFile(), 'utf8')) as { url?: string }).url;
};
