import { GMAIL_CLIP_BYTES } from '../../../shared/domain/mail-size.ts';
import { readCliJson } from './cli-file.ts';
import { exampleMail } from '../stand-ins/spam/example-mail.ts';
import { scoreWithSpamAssassin } from '../stand-ins/spam/spamassassin.ts';

/** `npm run check:spam [post.json]`: the example issue's mail scored by SpamAssassin, and its size. */
const TARGET = 2.0;
const path = process.argv[2];
// A wrong path is one plain line, before SpamAssassin is even looked for.
if (path) readCliJson(path);
const { raw, htmlBytes } = await exampleMail(path ?? undefined);
const report = await scoreWithSpamAssassin(raw);
const lines = [
  `SpamAssassin score: ${report.score} (target < ${TARGET}, SpamAssassin's own threshold ${report.required})`,
  ...report.hits.map((h) => `  ${h.points.toFixed(1).padStart(5)}  ${h.rule}  ${h.description}`),
  `Message: ${raw.byteLength} bytes; HTML part ${htmlBytes} bytes (${Math.round((100 * htmlBytes) / GMAIL_CLIP_BYTES)} % of Gmail's ${GMAIL_CLIP_BYTES}-byte clip)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = report.score < TARGET && htmlBytes < GMAIL_CLIP_BYTES ? 0 : 1;
