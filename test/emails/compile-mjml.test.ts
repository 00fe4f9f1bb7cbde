import { describe, expect, it } from 'vitest';
import { compileMjml } from '../../emails/compile-mjml.ts';
import { EmailRenderError } from '../../emails/email-render-error.ts';

const withUnknownAttribute = `<mjml><mj-body><mj-section><mj-column>
  <mj-image src="https://example.org/a.jpg" colour="red" />
  <mj-text>Bonjour</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

describe('compiling MJML', () => {
  it('refuses an invalid template at the strict level with a named error listing the problems', async () => {
    const error = await rejection(compileMjml(withUnknownAttribute, 'strict'));
    expect(error).toBeInstanceOf(EmailRenderError);
    const renderError = error as EmailRenderError;
    expect(renderError.name).toBe('EmailRenderError');
    expect(renderError.problems).toHaveLength(1);
    expect(renderError.problems[0]).toMatch(/Line 2.*mj-image.*colour/);
    expect(renderError.message).toContain(renderError.problems[0]);
    expect(renderError.cause).toBeInstanceOf(Error);
  });

  it('refuses an unknown tag at the strict level', async () => {
    const error = await rejection(
      compileMjml('<mjml><mj-body><mj-blink>x</mj-blink></mj-body></mjml>', 'strict'),
    );
    expect(error).toBeInstanceOf(EmailRenderError);
    expect((error as EmailRenderError).problems.join('\n')).toContain('mj-blink');
  });

  it('renders the same template anyway at the soft level', async () => {
    const html = await compileMjml(withUnknownAttribute, 'soft');
    expect(html).toContain('Bonjour');
  });
});
