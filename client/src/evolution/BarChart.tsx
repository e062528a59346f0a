/**
 * A horizontal bar chart as plain SVG, one bar per row with its label above it and its value after it (long labels
 * such as step names stay readable on a phone). The picture is one image for assistive technology (role="img" and
 * a label that reads the figures), and its figures are also a table under a disclosure, for those who prefer one.
 */
/** A bar: its label, its length, the value written after it, and its fill (default: the brand colour). */
export interface Bar {
  key: string;
  label: string;
  value: number;
  valueText: string;
  colour?: string;
}

/** The chart's figures as a table: column headers, then one row per bar (first cell: the row's header). */
export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
}

const WIDTH = 400;
const ROW = 40;
const LABEL_Y = 13;
const BAR_Y = 18;
const BAR_HEIGHT = 14;
// Room after the longest bar for its value: about this many units per character of the longest value (12px text).
const VALUE_CHARACTER = 6.8;
// Labels longer than this are cut (the image's name and the table keep them whole), so that they stay in the picture.
const LABEL_CHARACTERS = 56;

const shortened = (label: string) => (label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1).trimEnd()}…` : label);

function DataTable({ title, table, toggle }: { title: string; table: ChartTable; toggle: string }) {
  return (
    <details class="chart-data">
      <summary>{toggle}</summary>
      <table class="data-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (index === 0 ? <th key={index} scope="row">{cell}</th> : <td key={index}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function BarChart({ title, bars, table, dataToggle, emptyText }: { title: string; bars: Bar[]; table: ChartTable; dataToggle: string; emptyText: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const valueRoom = Math.min(WIDTH / 2, 12 + VALUE_CHARACTER * Math.max(0, ...bars.map((bar) => bar.valueText.length)));
  const height = Math.max(1, bars.length) * ROW;
  const summary = `${title}. ${bars.map((bar) => `${bar.label}, ${bar.valueText}`).join(' ; ')}`;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="muted">{emptyText}</p>
      ) : (
        <svg class="chart-svg" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
          {bars.map((bar, index) => {
            const y = index * ROW;
            const length = Math.max(bar.value > 0 ? 2 : 0, ((WIDTH - valueRoom) * bar.value) / max);
            return (
              <g key={bar.key}>
                <text x={0} y={y + LABEL_Y} class="chart-label">
                  {shortened(bar.label)}
                </text>
                <rect x={0} y={y + BAR_Y} width={length} height={BAR_HEIGHT} style={{ fill: bar.colour ?? 'var(--brand)' }} class="chart-bar" />
                <text x={length + 6} y={y + BAR_Y + BAR_HEIGHT - 2} class="chart-value">
                  {bar.valueText}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <DataTable title={title} table={table} toggle={dataToggle} />
    </figure>
  );
}
