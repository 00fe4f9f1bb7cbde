import { readFile } from 'node:fs/promises';
import { createMjmlRenderer } from '../../../../emails/mjml-renderer.ts';
import { parsePost } from '../../../../shared/domain/posts/parse-post.ts';
import { archiveUrl, samplePersonalisation } from '../../../../shared/domain/public-urls.ts';
import { buildRawMime } from '../../../../shared/adapters/mail/raw-mime.ts';
import { contentHash } from '../../../../shared/domain/content-hash.ts';
import type { EmailAddress } from '../../../../shared/domain/email-address.ts';
import { type Issue, issueIdFor } from '../../../../shared/domain/issue.ts';
import { emailIn, personalise } from '../../../../shared/domain/rendered-email.ts';
import { slugFor } from '../../../../shared/domain/slug.ts';

export const EXAMPLE_ISSUE = new URL('../../../../examples/sunday-morning-sound-34.json', import.meta.url);
const BASE_URL = 'https://newsletter.example.org';

/**
 * An issue's post as a reader's mail, in the bytes SES is handed: the renderer, a reader's links, the sender's
 * envelope (List-Unsubscribe, List-Id) and nodemailer's MailComposer, as the sender builds them.
 */
export const exampleMail = async (path: URL | string = EXAMPLE_ISSUE, now = new Date()) => {
  const parsed = parsePost(JSON.parse(await readFile(path, 'utf8')), { now, timeZone: 'Europe/Paris' });
  if (!parsed.ok) throw new Error(`not a valid post: ${JSON.stringify(parsed.errors)}`);
  const content = { ...parsed.content, sunday: parsed.content.sunday ?? now.toISOString().slice(0, 10) };
  const at = now.toISOString();
  const issue: Issue = {
    ...content,
    id: issueIdFor(content.series),
    slug: slugFor(content.series, content.title),
    status: 'rendered',
    revision: 1,
    contentHash: contentHash(content),
    createdAt: at,
    updatedAt: at,
  };
  const renderer = createMjmlRenderer({
    seriesName: 'Online Sunday Morning Sound',
    postalAddress: '12 rue des Lilas, 75011 Paris',
    subscribeUrl: `${BASE_URL}/subscribe`,
  });
  const rendered = await renderer.renderIssue(issue, { archiveUrl: archiveUrl(BASE_URL, issue.slug) });
  const email = personalise(emailIn(rendered, issue.language), samplePersonalisation(BASE_URL));
  const raw = await buildRawMime({
    from: { name: 'Online Sunday Morning Sound', address: 'dimanche@newsletter.example.org' },
    to: { name: 'Chloé Martin', address: 'chloe.martin@exemple.fr' as EmailAddress },
    subject: email.subject,
    html: email.html,
    text: email.text,
    listUnsubscribeUrl: samplePersonalisation(BASE_URL).unsubscribeUrl,
    listId: 'Online Sunday Morning Sound <dimanche.newsletter.example.org>',
  });
  return { raw, htmlBytes: new TextEncoder().encode(email.html).byteLength };
};
