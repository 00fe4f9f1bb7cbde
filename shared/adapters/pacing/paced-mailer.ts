import type { Mailer } from '../../ports/mailer.ts';
import type { Pacer } from '../../ports/pacer.ts';

/**
 * Every SES call of this process takes a pacer slot first, retries included: the pacer sits at the last step
 * before the network, so nothing slow (a DynamoDB write, a claim) lies between a slot and its arrival at SES.
 * The slot is given back with the answer, or the failure: a call that failed may still have been counted.
 */
export const pacedMailer = (inner: Mailer, pacer: Pacer): Mailer => ({
  send: async (mail) => {
    const done = await pacer.next();
    try {
      return await inner.send(mail);
    } finally {
      done();
    }
  },
});
