import { gunzipSync, gzipSync } from 'node:zlib';
import type { IssueId, Language } from '../../domain/issue.ts';
import type { RenderedIssue } from '../../domain/rendered-email.ts';
import { renderKey } from './issue-item.ts';
import { legacyEmail } from './legacy-render.ts';

/** DynamoDB refuses items over 400 KB; keep a margin for attribute names and keys. */
const MAX_ITEM_BYTES = 380 * 1024;

export class RenderTooLargeError extends Error {
  override name = 'RenderTooLargeError';
}

/**
 * Rendered bodies are gzipped: a 15-track issue's HTML shrinks ~6×, far from the item limit. The emails (one
 * per reader language, with their slot positions and variant fills) go in one JSON: the same click URLs and
 * markup repeat across languages and variants, and gzip folds them.
 */
export const toRenderItem = (id: IssueId, revision: number, rendered: RenderedIssue, at: string) => {
  const body = {
    emails: gzipSync(JSON.stringify(rendered.emails)),
    webHtml: gzipSync(rendered.webHtml),
  };
  const size = Object.values(body).reduce((sum, part) => sum + part.length, 0);
  if (size > MAX_ITEM_BYTES) {
    throw new RenderTooLargeError(
      `render of ${id} r${revision} is ${size} bytes gzipped, over ${MAX_ITEM_BYTES}`,
    );
  }
  return {
    ...renderKey(id, revision),
    kind: 'render',
    revision,
    language: rendered.language,
    ...body,
    ...(rendered.linksVersion ? { linksVersion: rendered.linksVersion } : {}),
    renderedAt: at,
  };
};

/** A render stored before emails had a language and slot positions is read as one email (see `legacyEmail`). */
export const fromRenderItem = (item: Record<string, unknown>): RenderedIssue => {
  const unzip = (field: string) => gunzipSync(item[field] as Uint8Array).toString('utf8');
  const language = (item.language as Language | undefined) ?? 'fr';
  return {
    language,
    emails: item.emails
      ? (JSON.parse(unzip('emails')) as RenderedIssue['emails'])
      : {
          [language]: legacyEmail(language, {
            subject: item.subject as string,
            html: unzip('html'),
            text: unzip('text'),
            ...(item.variants ? { variants: JSON.parse(unzip('variants')) } : {}),
          }),
        },
    webHtml: unzip('webHtml'),
    ...(typeof item.linksVersion === 'string' ? { linksVersion: item.linksVersion } : {}),
  };
};
