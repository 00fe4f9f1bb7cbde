import { describe, expect, it } from 'vitest';
import { type Resource, synthTemplate } from './template.ts';

const resources = (template: ReturnType<typeof synthTemplate>, type: string) =>
  Object.values(template.findResources(type)) as Resource[];

const pollerOf = (template: ReturnType<typeof synthTemplate>) =>
  resources(template, 'AWS::Lambda::Function').find((fn) =>
    String(fn.Properties['Description']).startsWith('Polls the blog feed'),
  );

// Issue 15: the feed poller exists only with a feed, on a 15-minute schedule that never retries.
describe('the feed poller on AWS', () => {
  it('is absent without a feed URL', () => {
    expect(pollerOf(synthTemplate())).toBeUndefined();
  });

  it('polls the configured feed every 15 minutes, without retries', () => {
    const template = synthTemplate({
      feedUrl: 'https://karoonline.wordpress.com/feed/',
      wordpressSite: 'karoonline.wordpress.com',
    });
    const poller = pollerOf(template);
    const env = (poller?.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;
    expect(env['FEED_URL']).toBe('https://karoonline.wordpress.com/feed/');
    expect(env['AUTHOR_EMAIL']).toBeDefined();
    const schedule = resources(template, 'AWS::Scheduler::Schedule').find(
      (s) => s.Properties['ScheduleExpression'] === 'rate(15 minutes)',
    );
    expect(schedule?.Properties['Target']).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 0 } });
    const api = resources(template, 'AWS::Lambda::Function').find((fn) =>
      Object.keys(
        (fn.Properties['Environment'] as { Variables?: Record<string, unknown> })?.Variables ?? {},
      ).includes('WORDPRESS_SITE'),
    );
    expect(api).toBeDefined();
  });

  it('refuses a feed URL that is not one', () => {
    expect(() => synthTemplate({ feedUrl: 'ftp://nope' })).toThrow(/feedUrl/);
  });
});
