import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { RenderedIssue } from '../../shared/domain/rendered-email.ts';
import type { EmailLinks } from '../../shared/ports/email-renderer.ts';

export const identity = {
  seriesName: 'Online Sunday Morning Sound',
  postalAddress: 'Online Sunday Morning Sound\n12 rue des Lilas, 75011 Paris',
  subscribeUrl: 'https://onlinesundaymorningsound.example.org/inscription',
};

export const links: EmailLinks = {
  archiveUrl: 'https://onlinesundaymorningsound.example.org/n/34-chambre-en-provence',
};

const renderer = createMjmlRenderer(identity);

export const render = (issue: Issue): Promise<RenderedIssue> => renderer.renderIssue(issue, links);

/** Where each needle first occurs after the previous one, or -1 from the first one missing onwards. */
export const positionsInOrder = (haystack: string, needles: readonly string[]): number[] => {
  let from = 0;
  return needles.map((needle) => {
    const at = from < 0 ? -1 : haystack.indexOf(needle, from);
    from = at < 0 ? -1 : at + needle.length;
    return at;
  });
};
