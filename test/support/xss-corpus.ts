import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';

/** Classic injection attempts; none of their active parts may survive into an email or a page. */
export const XSS_CORPUS = [
  '<script>alert("x")</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.jpg" onload="alert(1)">',
  '<a href="javascript:alert(1)">clic</a>',
  '<a href="JaVaScRiPt:alert(1)">clic</a>',
  '<a href="jav&#x09;ascript:alert(1)">clic</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)><circle/></svg>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<p style="background:url(javascript:alert(1))" onclick="alert(1)">texte</p>',
  '<div><scr<script>ipt>alert(1)</scr</script>ipt></div>',
  '<<script>alert(1);//<</script>',
  '<object data="https://evil.example/x.swf"></object>',
  '<form action="https://evil.example"><button>ok</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="http://insecure.example">http</a>',
  '<img src="http://insecure.example/a.jpg">',
];

/** Markers that must not appear in any output built from the corpus. */
export const XSS_MARKERS = [
  /<script/i,
  /<iframe/i,
  /<object/i,
  /<svg/i,
  /<form/i,
  /<style[^>]*>[^<]*javascript/i,
  /\son[a-z]+\s*=/i,
  /javascript:/i,
  /data:/i,
  /http:\/\/insecure/i,
  /alert\(1\)<\/script/i,
];

const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'base',
  'frame',
  'frameset',
  'applet',
]);

const PLAYER_SRC =
  /^https:\/\/(?:open\.spotify\.com\/embed\/track\/[0-9A-Za-z]{22}|widget\.deezer\.com\/widget\/auto\/track\/[0-9]+|www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11})$/;

/**
 * The public web page's own active elements: its JSON-LD (data, never run) and the players it builds from
 * parsed track ids. Their attributes are still checked.
 */
export const ownWebPageElement = (element: Element): boolean =>
  (element.name === 'script' &&
    Object.keys(element.attribs).join() === 'type' &&
    element.attribs.type === 'application/ld+json') ||
  (element.name === 'iframe' && PLAYER_SRC.test(element.attribs.src ?? ''));

/**
 * What in a parsed HTML document could run code or load from an unsafe place: parsing, not pattern matching,
 * so text that merely mentions "onerror=" (escaped, shown to the reader) is not mistaken for an attribute.
 */
export const activeContentIn = (
  html: string,
  expected: (element: Element) => boolean = () => false,
): string[] => {
  const found: string[] = [];
  const document = parseDocument(html);
  for (const element of findAll(() => true, document.children)) {
    if (ACTIVE_TAGS.has(element.name) && !expected(element)) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) found.push(`${element.name}[${name}]`);
      if (
        ['href', 'src', 'action', 'formaction', 'background', 'poster'].includes(name) &&
        !/^(https:|mailto:|#)/i.test(value.trim())
      ) {
        found.push(`${element.name}[${name}=${value}]`);
      }
      if (name === 'style' && /javascript:|expression\(|url\(\s*['"]?(?!https:)/i.test(value))
        found.push(`${element.name}[style=${value}]`);
    }
  }
  return found;
};
