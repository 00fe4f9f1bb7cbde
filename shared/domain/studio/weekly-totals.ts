/** Confirmed subscribers at the end of each of the last eight weeks, from their confirmation dates. */
export const weeklyTotals = (confirmedAt: readonly string[], now: Date) =>
  Array.from({ length: 8 }, (_, i) => {
    const end = new Date(now.getTime() - (7 - i) * 7 * 86_400_000).toISOString();
    return { end, value: confirmedAt.filter((at) => at <= end).length };
  });
