import { gunzipSync, gzipSync } from 'node:zlib';
import type { IssueId } from '../../domain/issue.ts';
import type { RenderedIssue, VariantFills } from '../../domain/rendered-email.ts';
import { renderKey } from './issue-item.ts';

/** DynamoDB refuses items over 400 KB; keep a margin for attribute names and keys. */
const MAX_ITEM_BYTES = 380 * 1024;

export class RenderTooLargeError extends Error {
  override name = 'RenderTooLargeError';
}

/** Rendered bodies are gzipped: a 15-track issue's HTML shrinks ~6×, far from the item limit. */
export const toRenderItem = (id: IssueId, revision: number, rendered: RenderedIssue, at: string) => {
  const body = {
    html: gzipSync(rendered.html),
    text: gzipSync(rendered.text),
    webHtml: gzipSync(rendered.webHtml),
    // One JSON for every variant's fills: the same click URLs repeat across variants, gzip folds them.
    ...(rendered.variants ? { variants: gzipSync(JSON.stringify(rendered.variants)) } : {}),
  };
  const size =
    Object.values(body).reduce((sum, part) => sum + part.length, 0) + Buffer.byteLength(rendered.subject);
  if (size > MAX_ITEM_BYTES) {
    throw new RenderTooLargeError(
      `render of ${id} r${revision} is ${size} bytes gzipped, over ${MAX_ITEM_BYTES}`,
    );
  }
  return {
    ...renderKey(id, revision),
    kind: 'render',
    revision,
    subject: rendered.subject,
    ...body,
    ...(rendered.linksVersion ? { linksVersion: rendered.linksVersion } : {}),
    renderedAt: at,
  };
};

export const fromRenderItem = (item: Record<string, unknown>): RenderedIssue => {
  const unzip = (field: string) => gunzipSync(item[field] as Uint8Array).toString('utf8');
  return {
    subject: item.subject as string,
    html: unzip('html'),
    text: unzip('text'),
    webHtml: unzip('webHtml'),
    ...(item.variants ? { variants: JSON.parse(unzip('variants')) as VariantFills } : {}),
    ...(typeof item.linksVersion === 'string' ? { linksVersion: item.linksVersion } : {}),
  };
};
