/**
 * The administratör's organisation: the kommun's tree in a period, and forms to add, rename,
 * move and close a unit from that period on. Earlier periods keep their names and tree, so a
 * published report stays as it was. Laptop first; every control has a label and is reached
 * with the keyboard. An `edit-` chunk: only an administratör's browser loads it.
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { UnitKind } from '../../gql/graphql';
import { fieldErrors } from '../../ui/field-errors';
import { unitKindLabel } from '../../ui/labels';
import { useViewer } from '../session/useViewer';

const OrganisationPeriodsQuery = graphql(`
  query OrganisationPeriods($kommunId: ID!) {
    kommun(id: $kommunId) {
      id
      periods {
        id
        label
      }
    }
  }
`);

// What the tree shows of a unit; each change asks it back, so the cache updates the row.
graphql(`
  fragment OrganisationUnit on UnitInPeriod {
    id
    unitId
    parentId
    name
    shortName
    kind
    closed
  }
`);

const OrganisationTreeQuery = graphql(`
  query OrganisationTree($periodId: ID!) {
    organisationInPeriod(periodId: $periodId) {
      ...OrganisationUnit @unmask
    }
  }
`);

const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      __typename
      ...OrganisationUnit @unmask
      ...FieldErrors @unmask
    }
  }
`);

const RenameUnitMutation = graphql(`
  mutation RenameUnit($input: RenameUnitInput!) {
    renameUnit(input: $input) {
      __typename
      ...OrganisationUnit @unmask
      ...FieldErrors @unmask
    }
  }
`);

const MoveUnitMutation = graphql(`
  mutation MoveUnit($input: MoveUnitInput!) {
    moveUnit(input: $input) {
      __typename
      ...OrganisationUnit @unmask
      ...FieldErrors @unmask
    }
  }
`);

const CloseUnitMutation = graphql(`
  mutation CloseUnit($input: CloseUnitInput!) {
    closeUnit(input: $input) {
      __typename
      ...OrganisationUnit @unmask
      ...FieldErrors @unmask
    }
  }
`);

interface Row {
  id: string;
  unitId: string;
  parentId?: string | null;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  closed: boolean;
}

type Action = 'create' | 'rename' | 'move' | 'close';
const actionLabel: Record<Action, string> = {
  create: 'Ny enhet under',
  rename: 'Byt namn',
  move: 'Flytta',
  close: 'Stäng',
};

type Field = 'name' | 'shortName' | 'kind' | 'key' | 'parentId' | 'unitId' | 'fromPeriodId';

/** A mutation's outcome as the form shows it: errors by field, or the sentence of a refusal. */
type Answer =
  | { __typename: 'ValidationError'; message: string; fieldErrors: { field: string; message: string }[] }
  | { __typename: 'UnitInPeriod'; name: string }
  | undefined;

export default function OrganisationPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const periods = useQuery(OrganisationPeriodsQuery, {
    variables: { kommunId: viewer?.kommun.id ?? '' },
    skip: !isAdmin,
  });
  const [periodId, setPeriodId] = useState('');
  const period = periodId || periods.data?.kommun.periods[0]?.id || '';
  const tree = useQuery(OrganisationTreeQuery, {
    variables: { periodId: period },
    skip: !period,
    fetchPolicy: 'cache-and-network',
  });
  const [selected, setSelected] = useState<{ unitId: string; action: Action } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const status = useRef<HTMLParagraphElement>(null);
  const [createUnit] = useMutation(CreateUnitMutation);
  const [renameUnit] = useMutation(RenameUnitMutation);
  const [moveUnit] = useMutation(MoveUnitMutation);
  const [closeUnit] = useMutation(CloseUnitMutation);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin) {
    return (
      <main>
        <h1>Organisation</h1>
        {viewer ? (
          <p>Bara en administratör kan ändra organisationen.</p>
        ) : (
          <p>
            <Link href={`/logga-in?till=${encodeURIComponent('/organisation')}`}>Logga in</Link> som
            administratör för att ändra organisationen.
          </p>
        )}
      </main>
    );
  }

  const rows: Row[] = tree.data?.organisationInPeriod ?? [];
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  const depth = (row: Row): number =>
    row.parentId && byId.has(row.parentId) ? depth(byId.get(row.parentId)!) + 1 : 0;
  const current = selected ? byId.get(selected.unitId) : undefined;
  const { described, fieldError } = fieldErrors<Field>(errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected || !current) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const base = { fromPeriodId: period };
    setErrors({});
    let answer: Answer;
    try {
      if (selected.action === 'create') {
        answer = (
          await createUnit({
            variables: {
              input: {
                ...base,
                parentId: current.unitId,
                name: text('name'),
                shortName: text('shortName') || null,
                kind: text('kind') as UnitKind,
                key: text('key') || null,
              },
            },
          })
        ).data?.createUnit;
      } else if (selected.action === 'rename') {
        answer = (
          await renameUnit({
            variables: {
              input: {
                ...base,
                unitId: current.unitId,
                name: text('name'),
                shortName: text('shortName') || null,
              },
            },
          })
        ).data?.renameUnit;
      } else if (selected.action === 'move') {
        answer = (
          await moveUnit({
            variables: { input: { ...base, unitId: current.unitId, parentId: text('parentId') } },
          })
        ).data?.moveUnit;
      } else {
        answer = (await closeUnit({ variables: { input: { ...base, unitId: current.unitId } } })).data
          ?.closeUnit;
      }
    } catch (e) {
      setMessage({
        text: CombinedGraphQLErrors.is(e)
          ? (e.errors[0]?.message ?? 'Det gick inte.')
          : 'Det gick inte att nå servern. Inget ändrades; försök igen.',
        failed: true,
      });
      return;
    }
    if (answer?.__typename === 'ValidationError') {
      setErrors(Object.fromEntries(answer.fieldErrors.map((e) => [e.field, e.message])));
      return;
    }
    // A new unit or a move changes the tree's order: the list is read again.
    if (selected.action === 'create' || selected.action === 'move') await tree.refetch();
    setSelected(null);
    setMessage({ text: `Sparat: ${answer?.name ?? current.name}.`, failed: false });
  }

  const periodLabel = periods.data?.kommun.periods.find((p) => p.id === period)?.label ?? '';
  return (
    <main className="organisation-page">
      <h1>Organisation</h1>
      <label className="period">
        Ändringar gäller från perioden{' '}
        <select
          value={period}
          onChange={(e) => {
            setPeriodId(e.target.value);
            setSelected(null);
          }}
          {...described('fromPeriodId', 'period-hint')}
        >
          {periods.data?.kommun.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <p id="period-hint" className="muted">
        En ändring gäller perioden och alla senare perioder. Tidigare perioder, och de publicerade
        rapporterna, behåller namnen och trädet de hade.
      </p>
      {fieldError('fromPeriodId')}
      <p ref={status} tabIndex={-1} role="status" className={message?.failed ? 'error' : undefined}>
        {message?.text}
      </p>
      {tree.error && !tree.data && <p role="alert">Det gick inte att hämta organisationen.</p>}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Organisationen {periodLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Kortnamn</th>
              <th scope="col">Typ</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.closed ? 'disabled' : undefined}>
                <th scope="row" style={{ paddingInlineStart: `${depth(row) * 1.25 + 0.5}rem` }}>
                  {row.name}
                </th>
                <td>{row.shortName}</td>
                <td>{unitKindLabel[row.kind]}</td>
                <td>{row.closed ? 'Stängd' : 'Öppen'}</td>
                <td>
                  {!row.closed &&
                    (['create', 'rename', 'move', 'close'] as const)
                      .filter((a) => row.parentId || a === 'create' || a === 'rename')
                      .map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="button secondary"
                          aria-label={`${actionLabel[action]} ${row.name}`}
                          onClick={() => {
                            setErrors({});
                            setMessage(undefined);
                            setSelected({ unitId: row.unitId, action });
                          }}
                        >
                          {actionLabel[action]}
                        </button>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && current && (
        <form onSubmit={(e) => void submit(e)} aria-labelledby="change-heading" className="organisation-form">
          <h2 id="change-heading">
            {actionLabel[selected.action]} {current.name}
          </h2>
          {(selected.action === 'create' || selected.action === 'rename') && (
            <>
              <label>
                Namn
                <input
                  name="name"
                  required
                  autoFocus
                  defaultValue={selected.action === 'rename' ? current.name : ''}
                  {...described('name')}
                />
              </label>
              {fieldError('name')}
              <label>
                Kortnamn
                <input
                  name="shortName"
                  defaultValue={selected.action === 'rename' ? (current.shortName ?? '') : ''}
                  {...described('shortName')}
                />
              </label>
              {fieldError('shortName')}
            </>
          )}
          {selected.action === 'create' && (
            <>
              <label>
                Typ
                <select name="kind" defaultValue="AVDELNING" {...described('kind')}>
                  {(Object.keys(unitKindLabel) as UnitKind[]).map((kind) => (
                    <option key={kind} value={kind}>
                      {unitKindLabel[kind]}
                    </option>
                  ))}
                </select>
              </label>
              {fieldError('kind')}
              <label>
                Kod (valfri)
                <input name="key" {...described('key', 'key-hint')} />
              </label>
              <p id="key-hint" className="muted">
                Små bokstäver, siffror och bindestreck. Lämnas den tom bildas koden av namnet.
              </p>
              {fieldError('key')}
              {fieldError('parentId')}
            </>
          )}
          {selected.action === 'move' && (
            <>
              <label>
                Ny överordnad enhet
                <select
                  name="parentId"
                  autoFocus
                  defaultValue={current.parentId ?? ''}
                  {...described('parentId')}
                >
                  {rows
                    .filter((r) => !r.closed && r.unitId !== current.unitId)
                    .map((r) => (
                      <option key={r.unitId} value={r.unitId}>
                        {'– '.repeat(depth(r))}
                        {r.name}
                      </option>
                    ))}
                </select>
              </label>
              {fieldError('parentId')}
            </>
          )}
          {selected.action === 'close' && (
            <p>
              {current.name} stängs från {periodLabel}: den visas inte i de perioderna, och dess historik
              finns kvar.
            </p>
          )}
          {fieldError('unitId')}
          <div className="actions">
            <button type="submit" className="button" autoFocus={selected.action === 'close'}>
              {selected.action === 'close' ? 'Stäng enheten' : 'Spara'}
            </button>
            <button type="button" className="button secondary" onClick={() => setSelected(null)}>
              Avbryt
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
