import type { Pacer } from '../../ports/pacer.ts';

/**
 * Hands out send slots at least 1/rate apart, reserved synchronously, so concurrent callers in one process
 * never share a slot. Any one-second window then holds at most `rate` sends from this pacer.
 */
export const intervalPacer = ({
  ratePerSecond,
  now = () => performance.now(),
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  ratePerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}): Pacer => {
  if (!(ratePerSecond > 0)) throw new Error('the send rate must be positive');
  const spacing = 1000 / ratePerSecond;
  let nextSlot = 0;
  return {
    next: async () => {
      const slot = Math.max(now(), nextSlot);
      nextSlot = slot + spacing;
      const wait = slot - now();
      if (wait > 0) await sleep(wait);
    },
  };
};
