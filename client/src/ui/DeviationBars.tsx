import { formatTkr } from './format';

/**
 * A chart of deviations from budget: bars to the right are favourable, to the left
 * unfavourable. The value is written out with its sign beside each bar, so the chart reads
 * without colour. Plain HTML and CSS, no chart library.
 */
export function DeviationBars(props: { caption: string; rows: { label: string; kronor: number | null }[] }) {
  const rows = props.rows.filter((r): r is { label: string; kronor: number } => r.kronor != null);
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((r) => Math.abs(r.kronor)), 1);
  return (
    <figure className="deviation-bars">
      <figcaption>{props.caption}</figcaption>
      <ul>
        {rows.map((r) => {
          const share = `${(Math.abs(r.kronor) / max) * 50}%`;
          const favourable = r.kronor >= 0;
          return (
            <li key={r.label}>
              <span className="bar-label">{r.label}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar ${favourable ? 'favourable' : 'unfavourable'}`}
                  style={favourable ? { left: '50%', width: share } : { right: '50%', width: share }}
                />
              </span>
              <span className="bar-value">
                {r.kronor > 0 ? '+' : ''}
                {formatTkr(r.kronor)}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
