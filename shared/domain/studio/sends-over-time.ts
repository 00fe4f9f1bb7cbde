/**
 * Sends per slice of the campaign: ten slices from the first send to the last, labelled by their start. A
 * slice lasts a second at least, since its label reads to the second: a campaign of a few readers, over in a
 * second, would otherwise show ten slices under one and the same time.
 */
export const sendsOverTime = (times: string[], f: { time: (iso: string) => string }) => {
  if (times.length === 0) return [];
  const first = Date.parse(times[0] ?? '');
  const span = Math.max(10_000, Date.parse(times.at(-1) ?? '') - first + 1);
  const slices = Array.from({ length: 10 }, (_, i) => ({ start: first + (span * i) / 10, value: 0 }));
  for (const at of times) {
    const index = Math.min(9, Math.floor(((Date.parse(at) - first) * 10) / span));
    const slice = slices[index];
    if (slice) slice.value += 1;
  }
  return slices.map((s) => ({ label: f.time(new Date(s.start).toISOString()), value: s.value }));
};
