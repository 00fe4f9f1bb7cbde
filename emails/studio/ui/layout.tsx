import type { Child } from 'hono/jsx';
import type { Language } from '../../../shared/domain/issue.ts';
import { studioStrings } from '../../../shared/i18n/studio/studio-strings.ts';
import { PostButton } from './post-button.tsx';

export type Nav = 'week' | 'issues' | 'campaigns' | 'subscribers' | 'settings' | undefined;

const LINKS: { key: Exclude<Nav, undefined>; href: string }[] = [
  { key: 'week', href: '/studio' },
  { key: 'issues', href: '/studio/issues' },
  { key: 'campaigns', href: '/studio/campaigns' },
  { key: 'subscribers', href: '/studio/subscribers' },
  { key: 'settings', href: '/studio/settings' },
];

export type LayoutProps = { language: Language; title: string; nav?: Nav; csrf?: string };

/** The page shell: the studio's name, its five pages, sign-out (a POST with the session's CSRF token). */
export const Layout = (props: LayoutProps & { children: Child }) => {
  const t = studioStrings(props.language);
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${t.studio}`}</title>
        <link rel="stylesheet" href="/studio/assets/studio.css" />
        <script src="/studio/assets/studio.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <header>
          <p class="brand">{t.studio}</p>
          {props.csrf ? (
            <nav aria-label={t.studio}>
              <ul>
                {LINKS.map((link) => (
                  <li>
                    <a href={link.href} aria-current={props.nav === link.key ? 'page' : undefined}>
                      {t.nav[link.key]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {props.csrf ? <PostButton action="/studio/sign-out" csrf={props.csrf} label={t.signOut} /> : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
};

/** Most pages: the shell with the page's title as its one h1, then the page. */
export const Page = (props: LayoutProps & { children?: Child }) => (
  <Layout {...props}>
    <h1>{props.title}</h1>
    {props.children}
  </Layout>
);

/** `<!doctype html>` and the page. */
export const document = (node: unknown) => `<!doctype html>${String(node)}`;
