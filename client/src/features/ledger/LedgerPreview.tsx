/**
 * What a ledger file would write: per office its table per verksamhet and per kontogrupp,
 * each line's sums to the krona with what happens to it (a verksamhet's split by kontogrupp
 * under it, where the file has accounts), the table's total, the whole file's
 * sum (the kommun's control total), the investment each project becomes, and every line of
 * the file that is wrong.
 */
import { Fragment } from 'react';
import { formatKronor } from '../../ui/format';
import { investmentColumnLabel, ledgerLineStatusLabel } from '../../ui/labels';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { LedgerResult } from './ledger-api';

const dimensionLabel = { unit: 'per verksamhet', accountGroup: 'per kontogrupp' } as const;

export function LedgerPreview({
  result,
  measures,
  measureLabel,
}: {
  result: LedgerResult;
  measures: readonly string[];
  measureLabel: (m: string) => string;
}) {
  const shown = measures.filter(
    (m) => result.kommun[m] != null || result.tables.some((t) => t.lines.some((l) => l.figures[m] != null)),
  );
  const head = (
    <tr>
      <th scope="col">Rad</th>
      <th scope="col">Status</th>
      {shown.map((m) => (
        <th scope="col" key={m}>
          {measureLabel(m)}
        </th>
      ))}
    </tr>
  );
  return (
    <>
      {result.errors.length > 0 && (
        <section aria-labelledby="ledger-errors">
          <h2 id="ledger-errors">Fel i filen</h2>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                Rad {e.line}: {e.message}
              </li>
            ))}
          </ul>
          {result.errorLines > result.errors.length && (
            <p className="muted">
              Visar de första {result.errors.length} av {result.errorLines.toLocaleString('sv-SE')} raderna
              med fel.
            </p>
          )}
        </section>
      )}
      {result.tables.map((table) => (
        <section
          key={`${table.unitId}:${table.dimension}`}
          aria-label={`${table.unitName} ${dimensionLabel[table.dimension]}`}
        >
          <h2>
            {table.unitName} {dimensionLabel[table.dimension]}
          </h2>
          <ScrollRegion label={`${table.unitName} ${dimensionLabel[table.dimension]}, belopp i kr`}>
            <table>
              <caption className="visually-hidden">
                {table.unitName} {dimensionLabel[table.dimension]}, belopp i kr
              </caption>
              <thead>{head}</thead>
              <tbody>
                {table.lines.map((line) => (
                  <Fragment key={`${line.unitId}:${line.accountGroup ?? ''}`}>
                    <tr className={`import-${line.status}`}>
                      <th scope="row">{line.label}</th>
                      <td>{ledgerLineStatusLabel[line.status]}</td>
                      {shown.map((m) => (
                        <td key={m}>{formatKronor(line.figures[m])}</td>
                      ))}
                    </tr>
                    {line.byAccountGroup.map((part) => (
                      <tr key={part.accountGroup} className="part-of">
                        <th scope="row">
                          varav {part.accountGroup}
                          <span className="visually-hidden"> ({line.label})</span>
                        </th>
                        <td />
                        {shown.map((m) => (
                          <td key={m}>{formatKronor(part.figures[m])}</td>
                        ))}
                      </tr>
                    ))}
                  </Fragment>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Summa</th>
                  <td />
                  {shown.map((m) => (
                    <td key={m}>{formatKronor(table.total[m])}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </section>
      ))}
      {result.tables.length > 0 && (
        <section aria-labelledby="ledger-kommun">
          <h2 id="ledger-kommun">Hela filen</h2>
          <ScrollRegion label="Summan över kommunen, belopp i kr">
            <table>
              <caption className="visually-hidden">Summan över kommunen, belopp i kr</caption>
              <thead>
                <tr>
                  <th scope="col">Summa</th>
                  {shown.map((m) => (
                    <th scope="col" key={m}>
                      {measureLabel(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Kommunen</th>
                  {shown.map((m) => (
                    <td key={m}>{formatKronor(result.kommun[m])}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
      {result.investments.length > 0 && <InvestmentsPreview investments={result.investments} />}
    </>
  );
}

/** Each project's investment as it will be written: the columns the file fills. */
function InvestmentsPreview({ investments }: { investments: LedgerResult['investments'] }) {
  const columns = Object.keys(investments[0]!.figures);
  return (
    <section aria-labelledby="ledger-investments">
      <h2 id="ledger-investments">Investeringar per projekt</h2>
      <ScrollRegion label="Investeringar per projekt, belopp i kr">
        <table>
          <caption className="visually-hidden">Investeringar per projekt, belopp i kr</caption>
          <thead>
            <tr>
              <th scope="col">Projekt</th>
              <th scope="col">Enhet</th>
              <th scope="col">Status</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {investmentColumnLabel[c] ?? c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {investments.map((i) => (
              <tr key={`${i.unitId}:${i.projectNumber}`} className={`import-${i.status}`}>
                <th scope="row">
                  {i.projectNumber} {i.name}
                </th>
                <td>{i.unitName}</td>
                <td>{ledgerLineStatusLabel[i.status]}</td>
                {columns.map((c) => (
                  <td key={c}>{formatKronor(i.figures[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
