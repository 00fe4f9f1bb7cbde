import { barChart, type ChartRow } from '../../../shared/domain/studio/bar-chart.ts';

import { Table } from './table.tsx';

export type { ChartRow };

/**
 * A bar chart as rows of text with a bar between: the labels are page text (readable at any width, wrapped at
 * spaces, never shrunk with an SVG's scale), each bar a small SVG stretched to its share. The numbers are in a
 * table below, which is what a screen reader reads; the bars are hidden from it. With no data, or only zeros,
 * the chart says why (`empty`) instead of drawing nothing.
 */
export const BarChart = (props: {
  id: string;
  title: string;
  label: string;
  unit: string;
  rows: ChartRow[];
  empty: string;
}) => {
  const { hasData, bars } = barChart(props.rows);
  return (
    <figure aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {hasData ? (
        <div class="chart">
          <div class="bars" aria-hidden="true">
            {bars.map((row) => (
              <div class="bar-row">
                <span class="bar-label">{row.label}</span>
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                  <rect class="bar" width={row.width} height="10" />
                </svg>
                <span class="bar-value">{String(row.value)}</span>
              </div>
            ))}
          </div>
          <Table heads={[props.label, props.unit]}>
            {props.rows.map((row) => (
              <tr>
                <td>{row.label}</td>
                <td>{String(row.value)}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        <p class="muted empty-chart">{props.empty}</p>
      )}
    </figure>
  );
};
