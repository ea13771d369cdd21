/**
 * The kommun's ledger mapping, set once by the administratör: how the ledger's CSV export is
 * written, which column holds what, and which unit each kostnadsställe belongs to. Saved whole.
 * A SIE file names its own fields, so for SIE only the kostnadsställen and the kommun's own
 * kontogrupper are asked for (the accounts' default groups are Kommun-Bas).
 */
import { useId, useState } from 'react';
import { saveMapping, type LedgerFormat, type LedgerMapping, type MappingAnswer } from './ledger-api';

export const emptyMapping: LedgerMapping = {
  delimiter: ';',
  decimalComma: true,
  scale: 'kr',
  signConvention: 'costsNegative',
  columns: {},
  costCentres: [],
  accountGroups: [],
};

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

export function LedgerMappingForm({
  answer,
  format,
  onSaved,
}: {
  answer: MappingAnswer;
  /** A SIE file names its own fields: the CSV's settings are not asked for. */
  format: LedgerFormat;
  onSaved: (mapping: LedgerMapping) => void;
}) {
  const [mapping, setMapping] = useState<LedgerMapping>(answer.mapping ?? emptyMapping);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const change = (patch: Partial<LedgerMapping>) => {
    setMapping((m) => ({ ...m, ...patch }));
    setStatus(null);
  };
  const setCentre = (i: number, patch: Partial<LedgerMapping['costCentres'][number]>) =>
    change({ costCentres: mapping.costCentres.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setGroup = (i: number, patch: Partial<LedgerMapping['accountGroups'][number]>) =>
    change({ accountGroups: mapping.accountGroups.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  async function save() {
    setSaving(true);
    const problem = await saveMapping(mapping);
    setSaving(false);
    setStatus(problem ? { text: problem, failed: true } : { text: 'Kopplingen är sparad.', failed: false });
    if (!problem) onSaved(mapping);
  }

  return (
    <form
      aria-labelledby={`${id}-h`}
      className="ledger-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-h`}>Koppling till huvudboken</h2>
      {format === 'csv' && (
        <>
          <fieldset>
            <legend>Filens format</legend>
            <div className="field">
              <label htmlFor={`${id}-delimiter`}>Avgränsare</label>
              <select
                id={`${id}-delimiter`}
                value={mapping.delimiter}
                onChange={(e) => change({ delimiter: e.target.value as LedgerMapping['delimiter'] })}
              >
                <option value=";">Semikolon (;)</option>
                <option value=",">Komma (,)</option>
                <option value={'\t'}>Tabb</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-decimal`}>Decimaltecken</label>
              <select
                id={`${id}-decimal`}
                value={mapping.decimalComma ? 'comma' : 'point'}
                onChange={(e) => change({ decimalComma: e.target.value === 'comma' })}
              >
                <option value="comma">Komma (1 234,5)</option>
                <option value="point">Punkt (1234.5)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-scale`}>Belopp i</label>
              <select
                id={`${id}-scale`}
                value={mapping.scale}
                onChange={(e) => change({ scale: e.target.value as LedgerMapping['scale'] })}
              >
                <option value="kr">kr</option>
                <option value="tkr">tkr</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-sign`}>Teckenkonvention</label>
              <select
                id={`${id}-sign`}
                value={mapping.signConvention}
                onChange={(e) =>
                  change({ signConvention: e.target.value as LedgerMapping['signConvention'] })
                }
              >
                <option value="costsNegative">Kostnader negativa, avvikelse = utfall − budget</option>
                <option value="costsPositive">Kostnader positiva, avvikelse = budget − utfall</option>
              </select>
            </div>
          </fieldset>

          <fieldset>
            <legend>Kolumnernas rubriker i filen (lämna tomt för det filen inte har)</legend>
            {answer.roles.map(({ role, label }) => (
              <div className="field" key={role}>
                <label htmlFor={`${id}-col-${role}`}>{capital(label)}</label>
                <input
                  id={`${id}-col-${role}`}
                  value={mapping.columns[role] ?? ''}
                  maxLength={100}
                  onChange={(e) => change({ columns: { ...mapping.columns, [role]: e.target.value } })}
                />
              </div>
            ))}
          </fieldset>
        </>
      )}

      <fieldset>
        <legend>Kostnadsställen</legend>
        <table>
          <caption className="visually-hidden">Kostnadsställe och dess enhet</caption>
          <thead>
            <tr>
              <th scope="col">Kod i huvudboken</th>
              <th scope="col">Enhet</th>
              <th scope="col">
                <span className="visually-hidden">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mapping.costCentres.map((c, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Kostnadsställe ${i + 1}, kod`}
                    value={c.code}
                    maxLength={40}
                    onChange={(e) => setCentre(i, { code: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Kostnadsställe ${i + 1}, enhet`}
                    value={c.unitKey}
                    onChange={(e) => setCentre(i, { unitKey: e.target.value })}
                  >
                    <option value="">Välj enhet</option>
                    {answer.units.map((u) => (
                      <option key={u.key} value={u.key}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => change({ costCentres: mapping.costCentres.filter((_, j) => j !== i) })}
                  >
                    Ta bort<span className="visually-hidden"> kostnadsställe {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="button"
          onClick={() => change({ costCentres: [...mapping.costCentres, { code: '', unitKey: '' }] })}
        >
          Lägg till kostnadsställe
        </button>
      </fieldset>

      <fieldset>
        <legend>Konton med egen kontogrupp</legend>
        {mapping.accountGroups.length === 0 && (
          <p className="muted">Inga: kontona följer standardtabellen för Kommun-Bas.</p>
        )}
        {mapping.accountGroups.map((a, i) => (
          <p key={i} className="field-inline">
            <input
              aria-label={`Konto ${i + 1}`}
              value={a.account}
              maxLength={20}
              onChange={(e) => setGroup(i, { account: e.target.value })}
            />
            <input
              aria-label={`Konto ${i + 1}, kontogrupp`}
              value={a.accountGroup}
              maxLength={80}
              onChange={(e) => setGroup(i, { accountGroup: e.target.value })}
            />
            <button
              type="button"
              className="button"
              onClick={() => change({ accountGroups: mapping.accountGroups.filter((_, j) => j !== i) })}
            >
              Ta bort<span className="visually-hidden"> konto {i + 1}</span>
            </button>
          </p>
        ))}
        <button
          type="button"
          className="button"
          onClick={() =>
            change({ accountGroups: [...mapping.accountGroups, { account: '', accountGroup: '' }] })
          }
        >
          Lägg till konto
        </button>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          Spara kopplingen
        </button>
      </div>
      <p role="status" className={status?.failed ? 'error' : undefined}>
        {status?.text}
      </p>
    </form>
  );
}
