/** What the PDS checks of an app.bsky.feed.post record before it accepts it: the limits a real post meets. */

type Blob = { $type?: string; ref?: { $link?: string }; mimeType?: string; size?: number };
type PostRecord = {
  $type?: string;
  text?: unknown;
  createdAt?: unknown;
  langs?: unknown;
  facets?: {
    index?: { byteStart?: number; byteEnd?: number };
    features?: { $type?: string; uri?: string }[];
  }[];
  embed?: {
    $type?: string;
    external?: { uri?: unknown; title?: unknown; description?: unknown; thumb?: Blob };
  };
};

const graphemes = (text: string) =>
  [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;

/** Why the record is invalid, or undefined. `blobs` are the sizes of the blobs uploaded so far, by CID. */
export const postProblem = (value: unknown, blobs: Map<string, { size: number; mimeType: string }>) => {
  const record = (value ?? {}) as PostRecord;
  if (record.$type !== 'app.bsky.feed.post') return 'Invalid $type: must be app.bsky.feed.post';
  if (typeof record.text !== 'string') return 'Record/text must be a string';
  if (graphemes(record.text) > 300) return 'Record/text must not be longer than 300 graphemes';
  const bytes = Buffer.byteLength(record.text);
  if (bytes > 3000) return 'Record/text must not be longer than 3000 characters';
  if (typeof record.createdAt !== 'string' || Number.isNaN(Date.parse(record.createdAt)))
    return 'Record/createdAt must be an valid atproto datetime';
  for (const [i, facet] of (record.facets ?? []).entries()) {
    const { byteStart = -1, byteEnd = -1 } = facet.index ?? {};
    if (byteStart < 0 || byteEnd <= byteStart || byteEnd > bytes)
      return `Record/facets/${i}/index is out of the text`;
    if (
      !(facet.features ?? []).every(
        (f) => f.$type === 'app.bsky.richtext.facet#link' && typeof f.uri === 'string',
      )
    )
      return `Record/facets/${i}/features must be links with a uri`;
  }
  const external = record.embed?.external;
  if (record.embed && record.embed.$type !== 'app.bsky.embed.external')
    return 'Record/embed: unsupported type';
  if (record.embed && (typeof external?.uri !== 'string' || typeof external.title !== 'string'))
    return 'Record/embed/external must have a uri and a title';
  const thumb = external?.thumb;
  if (thumb) {
    const blob = blobs.get(thumb.ref?.$link ?? '');
    if (thumb.$type !== 'blob' || !blob) return 'Record/embed/external/thumb: blob not found';
    if (!blob.mimeType.startsWith('image/')) return 'Record/embed/external/thumb mime type not accepted';
    if (blob.size > 1_000_000) return 'Record/embed/external/thumb file too large (1000000 bytes maximum)';
  }
  return undefined;
};
