import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Subscriber, SubscriberId } from '../../shared/domain/subscriber.ts';

let counter = 0;

/** A confirmed subscriber who reads French; override what a test is about. */
export const aSubscriber = (overrides: Partial<Subscriber> = {}): Subscriber => {
  counter += 1;
  const n = String(counter).padStart(6, '0');
  return {
    id: `sub_test${n}` as SubscriberId,
    email: `lectrice.${n}@exemple.fr` as EmailAddress,
    name: 'Chloé Martin',
    language: 'fr',
    status: 'confirmed',
    preferences: { paused: false },
    consent: {
      at: '2026-11-01T09:00:00.000Z',
      source: 'form',
      textVersion: 'v1',
      ip: '203.0.113.7',
      userAgent: 'Firefox',
    },
    createdAt: '2026-11-01T08:55:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    confirmedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
};
