import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { intervalPacer } from '../../shared/adapters/pacing/interval-pacer.ts';
import { SesSetupError } from '../../shared/adapters/ses/ses-setup-error.ts';
import { outcomeOfResponse } from '../../shared/adapters/ses/ses-v2-mailer.ts';
import { MisconfiguredError } from '../../shared/domain/misconfigured.ts';

const sources = async function* (folder: URL): AsyncGenerator<[string, string]> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), folder);
    if (entry.isDirectory()) yield* sources(url);
    else if (entry.name.endsWith('.ts')) yield [url.pathname, await readFile(url, 'utf8')];
  }
};

describe('errors thrown from shared/', () => {
  it('are named classes, never a bare Error', async () => {
    const bare: string[] = [];
    for await (const [path, text] of sources(new URL('../../shared/', import.meta.url)))
      if (/throw new Error\(/.test(text)) bare.push(path.replace(/.*\/shared\//, 'shared/'));
    expect(bare).toEqual([]);
  });

  it('say a setting cannot work when the function starts', () => {
    expect(() => hmacSubscriberIds('short')).toThrow(MisconfiguredError);
    expect(() => jwsLinkTokens([])).toThrow(MisconfiguredError);
    expect(() => jwsLinkTokens([{ id: 'k1', secret: 'too short' }])).toThrow(MisconfiguredError);
    expect(() => intervalPacer({ ratePerSecond: 0 })).toThrow(MisconfiguredError);
  });

  it('tell an SES setup refusal (403) from a reader SES refused', async () => {
    const answer = (status: number, type: string) =>
      new Response('{"message":"Email address is not verified."}', {
        status,
        headers: { 'x-amzn-errortype': type },
      });
    await expect(outcomeOfResponse(answer(403, 'AccessDeniedException'))).rejects.toBeInstanceOf(
      SesSetupError,
    );
    expect(await outcomeOfResponse(answer(400, 'MessageRejected'))).toMatchObject({ kind: 'rejected' });
  });
});
