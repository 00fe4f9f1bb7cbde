import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOW_END_TO_END } from '../../vitest.e2e.config.ts';

// A test command the docs give must run the test it names: vitest answers "No test files found" when the
// file is one its config leaves out, and the crash test at 3,000 readers was once documented that way.

const root = new URL('../../', import.meta.url);
const DOCS = ['README.md', ...readdirSync(new URL('docs/', root)).map((name) => `docs/${name}`)];

type Command = { doc: string; config: string; files: string[] };

/** Every `npx vitest run …` in a code span of the docs, with the config it names and the files it lists. */
const documentedCommands = (): Command[] =>
  DOCS.flatMap((doc) =>
    [...readFileSync(new URL(doc, root), 'utf8').matchAll(/`[^`]*npx vitest run\b([^`]*)`/g)].map((match) => {
      const words = (match[1] ?? '').trim().split(/\s+/);
      const at = words.indexOf('--config');
      return {
        doc,
        config: at >= 0 ? (words[at + 1] ?? '') : 'vitest.config.ts',
        files: words.filter((word) => /^test\/.*\.test\.ts$/.test(word)),
      };
    }),
  );

/** Which config runs a test file: each file belongs to exactly one of the three. */
const configOf = (file: string) =>
  file.startsWith('test/browser/')
    ? 'vitest.browser.config.ts'
    : SLOW_END_TO_END.includes(file)
      ? 'vitest.e2e.config.ts'
      : 'vitest.config.ts';

describe('the test commands the docs give', () => {
  it('each name a test file that exists, under the config that runs it', () => {
    const commands = documentedCommands();
    expect(commands.some(({ files }) => files.includes('test/e2e/campaign-crash.test.ts'))).toBe(true);
    for (const { doc, config, files } of commands) {
      for (const file of files) {
        expect(existsSync(new URL(file, root)), `${doc}: ${file}`).toBe(true);
        expect(config, `${doc}: ${file}`).toBe(configOf(file));
      }
    }
  });

  it('would catch the crash test named without its config', () => {
    expect(configOf('test/e2e/campaign-crash.test.ts')).not.toBe('vitest.config.ts');
    expect(configOf('test/subscribers/mailbox-identity.test.ts')).toBe('vitest.config.ts');
  });
});
