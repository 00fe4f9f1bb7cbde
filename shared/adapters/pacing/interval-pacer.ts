import type { Pacer, SendDone } from '../../ports/pacer.ts';
import { MisconfiguredError } from '../../domain/misconfigured.ts';

/**
 * Hands out send slots 1/`ratePerSecond` apart, reserved synchronously, so concurrent callers in one process
 * never share a slot. Spacing alone is not enough where SES counts: a slot's call reaches SES some time after
 * it (the MIME built, the request signed, another worker holding the event loop), so two calls a few
 * milliseconds late can fall into the next second with the ones on time. Hence a second rule, on answers:
 * at most `limitPerSecond` sends in any second. A call may start only a second after the answer to the one
 * `limitPerSecond` calls before it: SES counted that one before it answered, and counts this one after it
 * starts, so the two are always more than a second apart. With the spacing a little under the limit, the
 * second rule waits only for a slow answer.
 */
/**
 * "More than a second apart" must survive rounding: timers fire on whole milliseconds or a hair early, and
 * instants summed from fractional spacings can land a fraction of a nanosecond short of a full second.
 */
const MARGIN_MS = 1;

export const intervalPacer = ({
  ratePerSecond,
  limitPerSecond = ratePerSecond,
  now = () => performance.now(),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  ratePerSecond: number;
  /** Sends allowed in any window of a second (a window of 1/limit seconds for one send, under 1 a second). */
  limitPerSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): Pacer => {
  if (!(ratePerSecond > 0) || !(limitPerSecond > 0))
    throw new MisconfiguredError('the send rate must be positive');
  const spacing = 1000 / ratePerSecond;
  const perWindow = Math.max(1, Math.floor(limitPerSecond));
  const windowMs = limitPerSecond >= 1 ? 1000 : 1000 / limitPerSecond;
  let nextSlot = 0;
  let sends = 0;
  // The answers of the last `perWindow` sends, by send number: each resolves to when SES answered.
  const answered = new Map<number, Promise<number>>();
  return {
    next: async () => {
      const number = sends++;
      let settle: (at: number) => void = () => {};
      answered.set(number, new Promise<number>((resolve) => (settle = resolve)));
      const slot = Math.max(now(), nextSlot);
      nextSlot = slot + spacing;
      const wait = slot - now();
      if (wait > 0) await sleep(wait);
      const earlier = answered.get(number - perWindow);
      if (earlier) {
        const notBefore = (await earlier) + windowMs + MARGIN_MS;
        answered.delete(number - perWindow);
        const late = notBefore - now();
        if (late > 0) await sleep(late);
      }
      const done: SendDone = () => settle(now());
      return done;
    },
  };
};
