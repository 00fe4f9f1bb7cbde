import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { studioEnv } from '../../../shared/domain/settings/author.ts';
import { loadAwsApiConfig } from '../../../shared/domain/settings/aws-app.ts';
import { loadDispatchEnv, loadSenderEnv } from '../../../shared/domain/settings/aws-workers.ts';
import { loadDeliverabilityEnv } from '../../../shared/domain/settings/deliverability.ts';
import { loadDeliveryConfig } from '../../../shared/domain/settings/delivery.ts';

const worker = { AWS_REGION: 'eu-west-3', TABLE_NAME: 't', PUBLIC_BASE_URL: 'https://n.example/' };
const queues = { SEND_QUEUE_URL: 'https://sqs/send', SOCIAL_QUEUE_URL: 'https://sqs/social' };

describe('a setting read by several functions, defined once', () => {
  it('refuses the same wrong time zone with the same message in the dispatch as in the delivery', () => {
    const zone = { TIME_ZONE: 'Europe/Lutece' };
    const message = /TIME_ZONE: TIME_ZONE must be an IANA zone such as Europe\/Paris/;
    expect(() => loadDispatchEnv({ ...worker, ...queues, ...zone })).toThrow(message);
    expect(() => loadDeliveryConfig(zone)).toThrow(message);
    expect(loadDispatchEnv({ ...worker, ...queues }).TIME_ZONE).toBe('Europe/Paris');
  });

  it('gives every function the public address without its trailing slash', () => {
    expect(loadDispatchEnv({ ...worker, ...queues }).PUBLIC_BASE_URL).toBe('https://n.example');
    expect(
      loadSenderEnv({ ...worker, ...queues, SECRETS_ARN: 'arn', AWS_SESSION_TOKEN: 'token' }).PUBLIC_BASE_URL,
    ).toBe('https://n.example');
  });

  it('names the same author in the studio and in the mails that notify her', () => {
    const written = { AUTHOR_EMAIL: ' Autrice@Example.org ', AUTHOR_LANGUAGE: 'en', SCHEDULE: '0 8 * * 0' };
    const studio = v.parse(v.object(studioEnv), written);
    const delivery = loadDeliveryConfig(written);
    expect(delivery).toMatchObject({ AUTHOR_EMAIL: 'autrice@example.org', AUTHOR_LANGUAGE: 'en' });
    expect(delivery).toMatchObject({ AUTHOR_EMAIL: studio.AUTHOR_EMAIL, SCHEDULE: studio.SCHEDULE });
    expect(() => loadDeliveryConfig({ AUTHOR_LANGUAGE: 'de' })).toThrow(/AUTHOR_LANGUAGE must be fr or en/);
  });

  it('reads the secrets extension port, and says when it is not one, the same way everywhere', () => {
    const deliverability = {
      AWS_REGION: 'eu-west-3',
      TABLE_NAME: 't',
      SENDER_DOMAIN: 'example.org',
      MAIL_FROM_DOMAIN: 'bounce.example.org',
      DMARC_REPORTS: 'dmarc@example.org',
      CONCURRENCY_NEEDED: '13',
      SECRETS_ARN: 'arn',
      SOCIAL_ACCOUNTS_SECRET_ARN: 'arn2',
      AWS_SESSION_TOKEN: 'token',
    };
    expect(loadDeliverabilityEnv(deliverability)).toMatchObject({
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: 2773,
      CONCURRENCY_NEEDED: 13,
      LOG_LEVEL: 'info',
    });
    const port = { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '27.5' };
    const message = /PARAMETERS_SECRETS_EXTENSION_HTTP_PORT must be a port/;
    expect(() => loadDeliverabilityEnv({ ...deliverability, ...port })).toThrow(message);
    expect(() =>
      loadAwsApiConfig({
        ...worker,
        ...port,
        RENDER_FUNCTION_NAME: 'render',
        SECRETS_ARN: 'arn',
        SENDER_ADDRESS: 'sunday@example.org',
        SENDER_NAME: 'Sunday',
        AWS_SESSION_TOKEN: 'token',
      }),
    ).toThrow(message);
    expect(() => loadDeliverabilityEnv({ ...deliverability, CONCURRENCY_NEEDED: '0' })).toThrow(
      /CONCURRENCY_NEEDED must be at least 1/,
    );
  });
});
