import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifacts } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Words in headings, navigation, badges, buttons, labels, table heads and alerts that the browser broke across
 * two lines: the word's range has client rects on more than one line. Text split on purpose (an address's <wbr>
 * after "@" and ".") is several text nodes, whose parts are words of their own and may each go to a new line.
 */
const BROKEN_WORDS = `(() => {
  const broken = [];
  const selector = 'h1, h2, h3, header a, .badge, button, .button, th, label, legend, .bar-label, .figure, .alert';
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) broken.push(element.tagName.toLowerCase() + ': ' + match[0]);
      }
    }
  }
  return broken;
})()`;

/** Text that runs past the screen's right edge, outside the boxes that scroll on purpose (wide tables, code). */
const OFF_SCREEN = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.data.trim() || parent.closest('.scroll, textarea, pre, input, select, option')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
    if (right > innerWidth + 1) out.push(parent.tagName.toLowerCase() + ': ' + node.data.trim().slice(0, 40));
  }
  return out;
})()`;

/** Chart labels as rendered: their font size times the scale of the SVG they sit in, if any. */
const CHART_LABEL_SIZES = `[...document.querySelectorAll('.bar-label, svg text')].map((e) => {
  const svg = e.ownerSVGElement;
  const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  return parseFloat(getComputedStyle(e).fontSize) * scale;
})`;

/**
 * A studio page at 375 and 1280 px: a screenshot of each in test/artifacts, nothing wider than the screen, no
 * word broken mid-word, no text past the right edge, chart labels of 12 px or more; then no serious or critical
 * axe violation. Every studio page a browser test opens goes through here, so each screenshot was checked.
 */
export const checkPage = async (page: Page, name: string) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(artifacts, `studio-${name}-${width}.png`), fullPage: true });
    expect(
      await page.evaluate<number>('document.documentElement.scrollWidth'),
      `${name} at ${width}`,
    ).toBeLessThanOrEqual(width);
    expect(await page.evaluate<string[]>(BROKEN_WORDS), `${name} at ${width}: words broken mid-word`).toEqual(
      [],
    );
    expect(
      await page.evaluate<string[]>(OFF_SCREEN),
      `${name} at ${width}: text past the right edge`,
    ).toEqual([]);
    const small = (await page.evaluate<number[]>(CHART_LABEL_SIZES)).filter((size) => size < 12);
    expect(small, `${name} at ${width}: chart labels under 12 px`).toEqual([]);
  }
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as {
        axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations, name).toEqual([]);
};
