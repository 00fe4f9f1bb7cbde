import sanitizeHtml from 'sanitize-html';

const ABSOLUTE_HTTPS = /^https:\/\/[^/]/i;
const LINKABLE = /^(https:\/\/[^/]|mailto:)/i;

/**
 * The allowlist for the author's story: prose markup only. Email clients and the archive page both show it,
 * so anything that can run code or load from elsewhere without https is dropped, not escaped.
 */
const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h2',
    'h3',
    'h4',
    'img',
    'figure',
    'figcaption',
    'hr',
    'span',
    'sup',
    'sub',
    'small',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemesByTag: { a: ['https', 'mailto'], img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // No style attribute is allowed, so its CSS parser (postcss) is never needed; see infra/bundling.
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  // Drop the whole element, text included, for tags whose content is code or chrome, not prose.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'template',
    'svg',
    'math',
  ],
  // Relative URLs carry no scheme, so the scheme lists above let them through; in an email they lead nowhere.
  exclusiveFilter: (frame) => frame.tag === 'img' && !ABSOLUTE_HTTPS.test(frame.attribs.src ?? ''),
  transformTags: {
    a: (tagName, { href, ...attribs }) => ({
      tagName,
      attribs:
        href && LINKABLE.test(href) ? { ...attribs, href, rel: 'noopener', target: '_blank' } : attribs,
    }),
  },
};
policy.allowedAttributes = { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'] };

// Nothing in the story can become a reader's link whatever it spells: slots are positions recorded at render
// time (see `slotMarkers`), so the author's text is kept as written, here as in the title and the tracks.
export const sanitiseStoryHtml = (html: string): string => sanitizeHtml(html, policy).trim();

/** Plain text of an HTML fragment, entities decoded (for excerpts and the text part). */
export const htmlToText = (html: string): string =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: policy.nonTextTags ?? [] })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
