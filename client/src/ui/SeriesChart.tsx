import { formatValue } from './format';

export interface SeriesPoint {
  year: number;
  value: number | null;
}

/**
 * A small line chart of yearly outcomes against the target, in plain SVG (no chart
 * library: a few hundred bytes instead of tens of kilobytes on a phone). Missing years
 * break the line rather than dropping to zero. The label says the same in words.
 */
export function SeriesChart(props: {
  points: SeriesPoint[];
  target: number | null;
  unit: string;
  title: string;
}) {
  const width = 260;
  const height = 90;
  const pad = 8;
  const known = props.points.filter((p): p is { year: number; value: number } => p.value != null);
  if (known.length === 0) return <p className="muted">Inga värden att visa.</p>;
  const values = [...known.map((p) => p.value), ...(props.target != null ? [props.target] : [])];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const years = props.points.map((p) => p.year);
  const x = (year: number) =>
    pad +
    (years.length === 1
      ? (width - 2 * pad) / 2
      : ((year - years[0]!) / (years.at(-1)! - years[0]!)) * (width - 2 * pad));
  const y = (value: number) => height - pad - ((value - min) / span) * (height - 2 * pad);

  // One path segment per run of years with values: a gap stays a gap.
  const segments: string[] = [];
  let current = '';
  for (const p of props.points) {
    if (p.value == null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`;
  }
  if (current) segments.push(current);

  const last = known.at(-1)!;
  const label = `${props.title}: ${props.points
    .map((p) => `${p.year} ${formatValue(p.value, props.unit)}`)
    .join(', ')}${props.target != null ? `. Mål ${formatValue(props.target, props.unit)}` : ''}.`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="series-chart" role="img" aria-label={label}>
      {props.target != null && (
        <line x1={pad} x2={width - pad} y1={y(props.target)} y2={y(props.target)} className="target" />
      )}
      {segments.map((d) => (
        <path key={d} d={d} className="series" />
      ))}
      {known.map((p) => (
        <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={p === last ? 4 : 2.5} className="point" />
      ))}
    </svg>
  );
}
