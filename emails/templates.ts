import { readFileSync } from 'node:fs';
import Mustache from 'mustache';
import { escapeHtml } from './escape-html.ts';

/** The issue layout and the partials it includes, as MJML with Mustache tags. */
export type IssueTemplates = { issue: string; partials: Record<string, string> };

const PARTIALS = ['playlist', 'email-footer', 'web-head', 'web-playlist', 'web-footer'] as const;

// Read relative to this module, not the working directory: once bundled, the templates folder is copied
// next to the bundle, and the Lambda's working directory is not ours to choose.
const read = (name: string): string =>
  readFileSync(new URL(`./templates/${name}.mjml`, import.meta.url), 'utf8');

/** Reads and parses every template once; a Mustache syntax error surfaces here, at cold start. */
export const loadIssueTemplates = (): IssueTemplates => {
  const templates = {
    issue: read('issue'),
    partials: Object.fromEntries(PARTIALS.map((name) => [name, read(name)])),
  };
  for (const template of [templates.issue, ...Object.values(templates.partials)]) Mustache.parse(template);
  return templates;
};

// Mustache hands numbers to the escape function as they are.
const escapeValue = (value: unknown): string => escapeHtml(String(value));

/** The escape goes in the render call, not on the global `Mustache.escape`, so other users keep theirs. */
export const fillTemplate = (templates: IssueTemplates, view: object): string =>
  Mustache.render(templates.issue, view, templates.partials, { escape: escapeValue });
