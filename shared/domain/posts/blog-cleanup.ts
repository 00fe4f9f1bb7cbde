import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import type { PlaylistLink } from '../playlist-link.ts';
import { removeBlogFurniture, removeEmptyBlocks } from './blog-furniture.ts';
import { removeEmptyHeadings } from './empty-headings.ts';
import type { TrackInput } from './fields.ts';
import { takePlaylistEmbed } from './playlist-embed.ts';
import { takePlaylist } from './playlist-in-html.ts';
import { takeOpeningHeadline } from './series-title.ts';

export type CleanedPost = {
  storyHtml: string;
  /** From the post's last ordered list, when asked for. */
  tracks?: TrackInput[];
  /** The opening heading, when asked for: the real title of a post whose title only names the series. */
  headline?: string;
  playlist?: PlaylistLink;
};

/**
 * A blog post's HTML as an editor would hand it over: the host's furniture out, the playlist lifted out,
 * the whole-playlist embed turned into a link, no heading left over nothing. One parse, in that order:
 * the furniture goes first so its lists and headings are never taken for hers.
 */
export const cleanBlogPost = (html: string, options: { tracks: boolean; headline: boolean }): CleanedPost => {
  const document = parseDocument(html, { decodeEntities: true });
  removeBlogFurniture(document);
  const tracks = options.tracks ? takePlaylist(document) : undefined;
  const playlist = takePlaylistEmbed(document);
  const headline = options.headline ? takeOpeningHeadline(document) : undefined;
  removeEmptyBlocks(document);
  removeEmptyHeadings(document);
  return {
    storyHtml: render(document, { encodeEntities: 'utf8' }).trim(),
    ...(tracks ? { tracks } : {}),
    ...(headline ? { headline } : {}),
    ...(playlist ? { playlist } : {}),
  };
};
