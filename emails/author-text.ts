import type { AuthorMailView } from './author-view.ts';

/** The plain-text part: the same parts in the same order, links written out. */
export const authorText = (view: AuthorMailView, footer: string, studioUrl: string): string => {
  const blocks: string[] = [view.heading, ...view.paragraphs];
  if (view.facts.length > 0) {
    const width = Math.max(...view.facts.map((f) => f.label.length)) + 2;
    blocks.push(view.facts.map((f) => `${`${f.label} `.padEnd(width, '.')} ${f.value}`).join('\n'));
  }
  for (const group of view.groups) {
    const items = group.items.map((item) => `- ${item}`).join('\n');
    blocks.push([group.title, items, ...(group.hint ? [`→ ${group.hint}`] : [])].join('\n'));
  }
  if (view.links.length > 0) {
    const lines = view.links.map((link) => `- ${link.label} — ${link.text}`);
    blocks.push([view.linksTitle ?? '', ...lines].join('\n'));
  }
  blocks.push(...view.closing, `${view.button.label}\n${view.button.url}`, `-- \n${footer}\n${studioUrl}`);
  return `${blocks.join('\n\n')}\n`;
};
