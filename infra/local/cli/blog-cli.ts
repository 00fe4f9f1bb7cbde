import { readCliJson } from './cli-file.ts';
import { fakeWordpressUrl } from '../stand-ins/wordpress/fake-wordpress-port.ts';

const USAGE = `Usage:
  npm run blog -- publish examples/wordpress-com/sunday-morning-sound-34.json
Publishes (or, for a post id already on the blog, edits) a post on the fake WordPress.com that \`npm start\`
runs, dated now; the blog then notifies Dimanche by its webhook, as WordPress.com would.`;

const [command, file] = process.argv.slice(2);
if (command !== 'publish' || !file) {
  console.error(USAGE);
  process.exit(2);
}
const post = readCliJson(file);
if (typeof post !== 'object' || post === null || Array.isArray(post)) {
  console.error(`${file} is not a post: it must hold one JSON object.`);
  process.exit(1);
}
const blog = fakeWordpressUrl();
if (!blog) {
  console.error('No fake blog found: start the stack with `npm start` first.');
  process.exit(1);
}
const response = await fetch(`${blog}/__fake/posts`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ post }),
}).catch(() => {
  console.error(`No blog at ${blog}: is \`npm start\` running?`);
  process.exit(1);
});
const answer = (await response.json()) as {
  id: number;
  link: string;
  edit: boolean;
  notified: { status: number; body: string } | { error: string } | null;
};
console.log(`${answer.edit ? 'Edited' : 'Published'} on the blog: ${answer.link} (post ${answer.id})`);
if (!answer.notified) console.log('The blog has no webhook set: nothing was notified.');
else if ('error' in answer.notified)
  console.log(`The webhook could not be delivered: ${answer.notified.error}`);
else console.log(`Webhook → ${answer.notified.status}\n${answer.notified.body}`);
