export type ChartRow = { label: string; value: number };

/**
 * A bar chart drawn on the server as SVG, its numbers in a table beside it: the SVG is one labelled image,
 * the table is what a screen reader reads.
 */
export const BarChart = (props: {
  id: string;
  title: string;
  label: string;
  unit: string;
  rows: ChartRow[];
}) => {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const rowHeight = 22;
  const width = 480;
  const labelWidth = 170;
  const height = Math.max(1, props.rows.length) * rowHeight + 8;
  return (
    <figure aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <div class="chart">
        <svg class="bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
          {props.rows.map((row, i) => {
            const barWidth = Math.round(((width - labelWidth - 40) * row.value) / max);
            const y = i * rowHeight + 4;
            return (
              <g>
                <text x={labelWidth - 6} y={y + 14} text-anchor="end">
                  {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
                </text>
                <rect
                  class="bar"
                  x={labelWidth}
                  y={y}
                  width={Math.max(barWidth, row.value > 0 ? 2 : 0)}
                  height={rowHeight - 6}
                />
                <text x={labelWidth + barWidth + 4} y={y + 14}>
                  {String(row.value)}
                </text>
              </g>
            );
          })}
          <line class="axis" x1={labelWidth} y1={0} x2={labelWidth} y2={height} />
        </svg>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{props.label}</th>
                <th scope="col">{props.unit}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <td>{row.label}</td>
                  <td>{String(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
};
