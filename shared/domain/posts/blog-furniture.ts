import type { AnyNode, Document, Element, Text } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, getAttributeValue, removeElement, textContent } from 'domutils';

/**
 * What a blog host adds around a post (Jetpack's likes, sharing and related posts; blog directories' vote
 * buttons) is page furniture, not her story: a reader of the mail would see dead buttons and
 * "%d blogueurs aiment cette page". Matched by the markup's classes first, then by what is left in any
 * language: Jetpack's like line keeps its `%d` placeholder whatever the translation.
 */
const FURNITURE_CLASSES = [
  'sharedaddy',
  'sd-sharing-enabled',
  'sd-block',
  'sd-like',
  'jetpack-likes-widget-wrapper',
  'jp-relatedposts',
  'jetpack-related-posts',
  'wp-block-jetpack-related-posts',
  'wp-block-jetpack-sharing-buttons',
  'wp-block-jetpack-like',
  'post-likes-widget-placeholder',
  'jp-post-flair',
];
const FURNITURE_IDS = /^(jp-post-flair|jp-relatedposts|like-post-wrapper-.*|sharing_email)$/;

/** Blog directories whose badges ask readers to vote for or bookmark the post. */
const DIRECTORY_HOSTS =
  /(^|\.)(hellocoton\.fr|hellocoton\.com|bloglovin\.com|paperblog\.fr|paperblog\.com|wikio\.fr|overblog\.com|blogarama\.com|networkedblogs\.com|technorati\.com)$/i;

/** Whole blocks that only carry a widget's label, in the languages WordPress.com serves most. */
const WIDGET_LINES = [
  /^%d\s+[\p{L}\p{M}’' ]+\s*:?$/u,
  /\bsur hellocoton\s*!?$/iu,
  /^follow my blog with bloglovin$/iu,
  /^(partager|partager ceci|share this|share|compartir|compartilhe isso|teilen mit|condividi)\s*:?$/iu,
  /^(j[’']aime( ça)?|like this|like|me gusta( esto)?|gefällt mir|mi piace|curtir isso)\s*:?$/iu,
  /^(articles similaires|sur le même thème|related|related posts|entradas relacionadas|ähnliche beiträge|articoli correlati)\s*:?$/iu,
  /^(chargement|loading|cargando|wird geladen|caricamento)\s*(…|\.\.\.)?$/iu,
];

/** The same labels run into her last sentence, as when a theme flattens the widget into the paragraph. */
const INLINE = [/%d\s+[\p{L}\p{M}’' ]+\s*:?/gu, /rendez-vous sur hellocoton\s*!?/giu];

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figure', 'section', 'aside']);

const classesOf = (element: Element) => (getAttributeValue(element, 'class') ?? '').split(/\s+/);

const isFurnitureMarkup = (element: Element): boolean =>
  classesOf(element).some((name) => FURNITURE_CLASSES.includes(name)) ||
  FURNITURE_IDS.test(getAttributeValue(element, 'id') ?? '') ||
  (element.name === 'a' && linksToDirectory(getAttributeValue(element, 'href'))) ||
  (element.name === 'img' && linksToDirectory(getAttributeValue(element, 'src')));

const linksToDirectory = (href: string | undefined): boolean => {
  if (!href || !URL.canParse(href)) return false;
  return DIRECTORY_HOSTS.test(new URL(href).hostname);
};

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

export const isWidgetLine = (text: string): boolean => {
  const line = normalised(text);
  return line !== '' && WIDGET_LINES.some((pattern) => pattern.test(line));
};

const withoutInlineLabels = (text: string) =>
  INLINE.reduce((rest, pattern) => rest.replace(pattern, ''), text);

/** Removes the furniture in place; what remains is her text, in her order. */
export const removeBlogFurniture = (document: Document): void => {
  for (const element of findAll(isFurnitureMarkup, document.children)) removeElement(element);
  // A widget label inside a block of her own prose loses only its own text; a block holding nothing else goes.
  for (const node of allText(document)) {
    if (!isWidgetLine(node.data) && !INLINE.some((pattern) => new RegExp(pattern).test(node.data))) continue;
    const block = closestBlock(node);
    if (block && isWidgetLine(textContent(block))) removeElement(block);
    else node.data = withoutInlineLabels(node.data);
  }
  removeEmptyBlocks(document);
};

const allText = (document: Document) => {
  const found: Text[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (isText(node)) found.push(node);
      else if (isTag(node)) walk(node.children);
    }
  };
  walk(document.children);
  return found;
};

const closestBlock = (node: AnyNode): Element | undefined => {
  let parent = node.parent;
  while (parent && isTag(parent) && !BLOCKS.has(parent.name)) parent = parent.parent;
  return parent && isTag(parent) ? parent : undefined;
};

/** Blocks with no text and no image left once the widgets are out (wrappers of the removed buttons). */
export const removeEmptyBlocks = (document: Document): void => {
  const empty = findAll(
    (element) =>
      BLOCKS.has(element.name) &&
      normalised(textContent(element)) === '' &&
      findAll((inner) => inner.name === 'img' || inner.name === 'iframe', element.children).length === 0,
    document.children,
  );
  for (const element of empty) removeElement(element);
};
