import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { formatSignedTkr, formatTkr } from '../../ui/format';
import { assessmentLabel, forecastLabel, statusLabel } from '../../ui/labels';

export const ReportChanges_report = graphql(`
  fragment ReportChanges_report on Report {
    id
    period {
      id
    }
    previousReport {
      id
      title
      period {
        id
        label
      }
    }
    changes {
      economyThreshold
      assignments {
        marks
        assignment {
          id
          title
        }
        unitInPeriod {
          id
          unitId
          name
        }
        before {
          id
          status
          forecast
        }
        after {
          id
          status
          forecast
          comment
        }
      }
      goals {
        marks
        goal {
          id
          code
          title
        }
        unitInPeriod {
          id
          unitId
          name
        }
        before {
          id
          assessment
        }
        after {
          id
          assessment
          analysis
        }
      }
      indicators {
        marks
        indicator {
          id
          name
        }
        unitInPeriod {
          id
          unitId
          name
        }
        before {
          id
          assessment
        }
        after {
          id
          assessment
          comment
        }
      }
      economyLines {
        unitInPeriod {
          id
          unitId
          name
        }
        after {
          id
          label
        }
        deviationBefore
        deviationAfter
        deviationChange
      }
    }
  }
`);

/** One line of "what changed": a value before (none for something new) and after. */
interface Shift {
  label: string;
  before: string | null;
  after: string;
}

interface Item {
  key: string;
  href: string;
  title: string;
  unit: string;
  isNew: boolean;
  shifts: Shift[];
  comment?: string | null;
  extra?: ReactNode;
}

const label = (labels: Record<string, string>, value: string | null | undefined) =>
  value ? (labels[value] ?? value) : '–';

/** A new record shows what it is now; a changed one only what changed, from → to. */
function shift(marks: readonly string[], mark: string, name: string, before: string, after: string): Shift[] {
  if (marks.includes('NEW')) return [{ label: name, before: null, after }];
  return marks.includes(mark) ? [{ label: name, before, after }] : [];
}

type Assessed = { assessment?: string | null } | null | undefined;

/** A goal's or an indicator's assessment, when it changed (or is new). */
const assessmentShift = (c: { marks: readonly string[]; before?: Assessed; after: Assessed }) =>
  shift(
    c.marks,
    'ASSESSMENT',
    'Bedömning',
    label(assessmentLabel, c.before?.assessment),
    label(assessmentLabel, c.after?.assessment),
  );

/** A changed follow-up: what it is about, whose, what changed and its new comment. */
function followUpItem(
  c: { marks: readonly string[]; unitInPeriod: { name: string } },
  what: Pick<Item, 'key' | 'href' | 'title'>,
  shifts: Shift[],
  comment: string | null | undefined,
): Item {
  return {
    ...what,
    unit: c.unitInPeriod.name,
    isNew: c.marks.includes('NEW'),
    shifts,
    comment: c.marks.includes('COMMENT') ? comment : null,
  };
}

/**
 * What changed since the previous published report of the unit, by kind: what a politician
 * who read the last report reads first in this one. Nothing when there is no previous report.
 */
export function ReportChanges(props: { report: FragmentType<typeof ReportChanges_report> }) {
  const { data, complete } = useFragment({ fragment: ReportChanges_report, from: props.report });
  if (!complete || !data.previousReport) return null;
  const { previousReport: previous, changes, period } = data;

  const assignments = changes.assignments.map((c) =>
    followUpItem(
      c,
      { key: c.assignment.id, href: `/uppdrag/${c.assignment.id}`, title: c.assignment.title },
      [
        ...shift(
          c.marks,
          'STATUS',
          'Status',
          label(statusLabel, c.before?.status),
          label(statusLabel, c.after.status),
        ),
        ...shift(
          c.marks,
          'FORECAST',
          'Prognos',
          label(forecastLabel, c.before?.forecast),
          label(forecastLabel, c.after.forecast),
        ),
      ],
      c.after.comment,
    ),
  );
  const goals = changes.goals.map((c) =>
    followUpItem(
      c,
      {
        key: `${c.goal.id}-${c.unitInPeriod.unitId}`,
        href: `/mal/${c.goal.id}`,
        title: `${c.goal.code} ${c.goal.title}`,
      },
      assessmentShift(c),
      c.after.analysis,
    ),
  );
  const indicators = changes.indicators.map((c) =>
    followUpItem(
      c,
      {
        key: `${c.indicator.id}-${c.after.id}`,
        href: `/indikator/${c.indicator.id}`,
        title: c.indicator.name,
      },
      assessmentShift(c),
      c.after.comment,
    ),
  );
  const economy: Item[] = changes.economyLines.map((c) => ({
    key: c.after.id,
    href: `/enhet/${c.unitInPeriod.unitId}/ekonomi?period=${period.id}`,
    title: c.after.label,
    unit: c.unitInPeriod.name,
    isNew: false,
    shifts: [
      {
        label: 'Avvikelse helår',
        before: formatSignedTkr(c.deviationBefore),
        after: formatSignedTkr(c.deviationAfter),
      },
    ],
    // Told by a word as well as by colour.
    extra: (
      <p className={`deviation ${c.deviationChange > 0 ? 'favourable' : 'unfavourable'}`}>
        Förändring: {formatSignedTkr(c.deviationChange)} ({c.deviationChange > 0 ? 'bättre' : 'sämre'})
      </p>
    ),
  }));
  const count = assignments.length + goals.length + indicators.length + economy.length;

  return (
    <section aria-labelledby="report-changes">
      <h2 id="report-changes">Förändringar sedan förra rapporten</h2>
      <p className="muted">
        Jämfört med <Link href={`/rapport/${previous.id}`}>{previous.title}</Link> ({previous.period.label}).
      </p>
      {count === 0 && <p>Inget har ändrats.</p>}
      <Group id="changes-assignments" heading="Uppdrag" items={assignments} />
      <Group id="changes-goals" heading="Mål" items={goals} />
      <Group id="changes-indicators" heading="Indikatorer" items={indicators} />
      <Group
        id="changes-economy"
        heading="Ekonomi"
        note={`Avvikelse mot budget för helåret som ändrats mer än ${formatTkr(changes.economyThreshold)}.`}
        items={economy}
      />
    </section>
  );
}

/**
 * Changes first, each with what it was and what it is; what is new since the last report is
 * a compact list under them (a year's new assignments would otherwise bury the changes).
 */
function Group({ id, heading, note, items }: { id: string; heading: string; note?: string; items: Item[] }) {
  if (items.length === 0) return null;
  const changed = items.filter((item) => !item.isNew);
  const added = items.filter((item) => item.isNew);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {heading} ({items.length})
      </h3>
      {note && <p className="muted">{note}</p>}
      {changed.length > 0 && (
        <ul className="cards">
          {changed.map((item) => (
            <li key={item.key}>
              <h4>
                <Link href={item.href}>{item.title}</Link>
              </h4>
              <p className="muted">{item.unit}</p>
              {item.shifts.map((s) => (
                <p key={s.label}>
                  {s.label}:{' '}
                  {s.before !== null && (
                    <>
                      <span className="visually-hidden">från </span>
                      {s.before}
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden"> till </span>
                    </>
                  )}
                  <strong>{s.after}</strong>
                </p>
              ))}
              {item.extra}
              {item.comment && (
                <details>
                  <summary>Ny kommentar</summary>
                  <p>{item.comment}</p>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {added.length > 0 && (
        <details className="new-since">
          <summary>Nya sedan förra rapporten ({added.length})</summary>
          <ul className="link-list">
            {added.map((item) => (
              <li key={item.key}>
                <Link href={item.href}>{item.title}</Link> <span className="muted">· {item.unit}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
