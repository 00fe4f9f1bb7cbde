import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Issue } from '../../shared/domain/issue.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import { anIssue } from '../builders/issue.ts';

/** An issue stored and marked rendered without MJML: for the list and feed reads, which never open the render. */
export const storeRendered = async (store: IssueStore, overrides: Partial<Issue>): Promise<Issue> => {
  const issue = anIssue(overrides);
  await store.saveRevision(issue, undefined);
  const page = `<p>page ${issue.series}</p>`;
  await store.saveRender(
    issue.id,
    1,
    { language: issue.language, emails: {}, webHtml: page },
    issue.createdAt,
  );
  return { ...issue, status: 'rendered', renderedRevision: 1 };
};

export const elementsOf = (html: string, test: (element: Element) => boolean): Element[] =>
  findAll(test, parseDocument(html).children);

export const byClass = (name: string) => (element: Element) =>
  (element.attribs.class ?? '').split(/\s+/).includes(name);

export const attribute = (element: Element | undefined, name: string) =>
  element ? getAttributeValue(element, name) : undefined;

export const text = (element: Element | undefined) => (element ? textContent(element).trim() : undefined);

/** Every `<meta property|name content>` of a page, by its property or name. */
export const metaOf = (html: string): Record<string, string> =>
  Object.fromEntries(
    elementsOf(html, (e) => e.name === 'meta' && e.attribs.content !== undefined).map((e) => [
      e.attribs.property ?? e.attribs.name ?? e.attribs['http-equiv'],
      e.attribs.content,
    ]),
  );

/** The JSON-LD blocks of a page, parsed as a consumer would. */
export const jsonLdOf = (html: string): unknown[] =>
  elementsOf(html, (e) => e.name === 'script' && e.attribs.type === 'application/ld+json').map((e) =>
    JSON.parse(textContent(e)),
  );
