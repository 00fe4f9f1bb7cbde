import { describe, expect, it } from 'vitest';
import { exampleMail } from '../../infra/local/stand-ins/spam/example-mail.ts';
import { parseReport, scoreWithSpamAssassin } from '../../infra/local/stand-ins/spam/spamassassin.ts';
import { GMAIL_CLIP_BYTES } from '../../shared/domain/mail-size.ts';
import { realNow } from '../support/real-clock.ts';

// Needs Debian's spamassassin (CI installs it): the real filter, its shipped rules, offline.
describe('the example issue’s mail, as the sender builds it', () => {
  it('scores under 2.0 with SpamAssassin, and is well under Gmail’s clip', async () => {
    const { raw, htmlBytes } = await exampleMail(undefined, realNow());
    expect(raw.toString('utf8')).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const report = await scoreWithSpamAssassin(raw);
    expect(report.required).toBe(5);
    expect(report.score, JSON.stringify(report.hits)).toBeLessThan(2);
    expect(htmlBytes).toBeLessThan(GMAIL_CLIP_BYTES / 2);
  }, 30_000);

  it('refuses a binary that is not there', async () => {
    await expect(scoreWithSpamAssassin(Buffer.from(''), '/nonexistent/spamassassin')).rejects.toThrow();
  });
});

describe('reading SpamAssassin’s report', () => {
  it('takes the total and each rule, a wrapped description joined', () => {
    const report = parseReport(
      [
        'Content analysis details:   (2.4 points, 5.0 required)',
        '',
        ' pts rule name              description',
        '---- ---------------------- --------------------------------------------------',
        ' 1.7 HTML_IMAGE_ONLY_24     BODY: HTML: images with 2000-2400 bytes of',
        '                            words',
        '-0.0 NO_RELAYS              Informational: message was not relayed via SMTP',
        ' 0.7 HTML_FONT_LOW_CONTRAST BODY: HTML font color similar or identical to',
        '                            background',
      ].join('\n'),
    );
    expect(report).toEqual({
      score: 2.4,
      required: 5,
      hits: [
        {
          points: 1.7,
          rule: 'HTML_IMAGE_ONLY_24',
          description: 'BODY: HTML: images with 2000-2400 bytes of words',
        },
        { points: -0, rule: 'NO_RELAYS', description: 'Informational: message was not relayed via SMTP' },
        {
          points: 0.7,
          rule: 'HTML_FONT_LOW_CONTRAST',
          description: 'BODY: HTML font color similar or identical to background',
        },
      ],
    });
    expect(parseReport('no report here')).toBeUndefined();
  });
});
