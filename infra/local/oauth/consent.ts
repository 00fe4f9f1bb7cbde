import type { ConnectCallback } from '../../../shared/usecases/accounts/connect-account.ts';

const decode = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/**
 * What her browser does on a fake network's consent page: read the form, press "Autoriser" (or "Refuser"),
 * and read where it sends her back. The redirect is not followed: the caller finishes the sign-in itself.
 */
export const consent = async (
  authorizationUrl: string,
  decision: 'allow' | 'deny' = 'allow',
): Promise<{ back: URL; callback: ConnectCallback }> => {
  const pageHtml = await (await fetch(authorizationUrl)).text();
  const fields = new URLSearchParams();
  for (const [, name, value] of pageHtml.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    fields.set(decode(name ?? ''), decode(value ?? ''));
  fields.set('decision', decision);
  const answer = await fetch(new URL('/oauth/authorize', authorizationUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
  });
  const back = new URL(answer.headers.get('location') ?? '');
  const param = (name: string) => back.searchParams.get(name);
  return {
    back,
    callback: {
      ...(param('state') ? { state: param('state') ?? '' } : {}),
      ...(param('code') ? { code: param('code') ?? '' } : {}),
      ...(param('error') ? { error: param('error') ?? '' } : {}),
    },
  };
};
