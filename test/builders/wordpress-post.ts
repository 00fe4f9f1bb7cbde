import { examplePostBody } from './issue.ts';

type ExampleTrack = { artist: string; title: string; url: string };

/**
 * Issue #34 as the WordPress REST API returns it (`/wp-json/wp/v2/posts/:id?_embed`): rendered HTML with
 * entities, the playlist as the post's last ordered list, the cover as embedded featured media.
 */
export const aWordpressPost = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const example = examplePostBody() as { story: string; tracks: ExampleTrack[] };
  const playlist = example.tracks
    .map((t) => `<li><a href="${t.url}">${t.artist} &#8211; ${t.title}</a></li>`)
    .join('\n');
  return {
    id: 4242,
    date: '2026-11-28T21:15:00',
    date_gmt: '2026-11-28T20:15:00',
    link: 'https://onlinesundaymorningsound.example.org/2026/11/28/online-sunday-morning-sound-34/',
    status: 'publish',
    title: { rendered: 'Online Sunday Morning Sound #34 &#8212; Chambre en Provence' },
    content: {
      rendered: `${example.story}\n<h3>La playlist</h3>\n<ol>\n${playlist}\n</ol>\n`,
      protected: false,
    },
    excerpt: {
      rendered:
        '<p>Neuf mois intenses, une semaine dans le Gard et une playlist pour la F&ecirc;te de la musique [&hellip;]</p>\n',
      protected: false,
    },
    featured_media: 77,
    _embedded: {
      'wp:featuredmedia': [
        {
          id: 77,
          source_url: 'https://onlinesundaymorningsound.example.org/wp-content/uploads/lavande.jpg',
          alt_text: 'Champ de lavande',
        },
      ],
    },
    ...overrides,
  };
};
