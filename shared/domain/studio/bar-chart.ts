export type ChartRow = { label: string; value: number };

/**
 * Each row's bar as a share of the longest, out of 100 (an SVG's width); a row above zero gets 1 at least, so a
 * small count still shows. `hasData`: false for no rows, or only zeros, and the chart then says why.
 */
export const barChart = (rows: readonly ChartRow[]) => {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return {
    hasData: rows.some((r) => r.value > 0),
    bars: rows.map((row) => ({ ...row, width: Math.max((100 * row.value) / max, row.value > 0 ? 1 : 0) })),
  };
};
