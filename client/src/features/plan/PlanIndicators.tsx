import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { Direction, IndicatorOrigin, PeriodPlanQuery } from '../../gql/graphql';
import { directionLabel, indicatorOriginLabel } from '../../ui/labels';
import { ScrollRegion } from '../../ui/ScrollRegion';
import {
  Field,
  PlanFormFooter,
  shownNumber,
  swedishNumber,
  useEditing,
  usePlanForm,
  type Errors,
} from './plan-form';

type Plan = PeriodPlanQuery['periodPlan'];
type PlanIndicator = Plan['indicators'][number];

const SavePlanIndicatorMutation = graphql(`
  mutation SavePlanIndicator($input: PlanIndicatorInput!) {
    savePlanIndicator(input: $input) {
      __typename
      ... on PlanIndicator {
        id
      }
      ...FieldErrors @unmask
    }
  }
`);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The period's indicators, and the form that adds or changes one with its targets. */
export function PlanIndicators({ plan }: { plan: Plan }) {
  const { editing, edit, heading: formHeading } = useEditing<PlanIndicator>();
  const year = Number(plan.period.endDate.slice(0, 4));
  return (
    <section aria-labelledby="plan-indicators">
      <h2 id="plan-indicators">Indikatorer</h2>
      {plan.indicators.length === 0 ? (
        <p>Perioden har inga indikatorer ännu.</p>
      ) : (
        <ScrollRegion label="Periodens indikatorer">
          <table>
            <caption>Periodens indikatorer</caption>
            <thead>
              <tr>
                <th scope="col">Kod</th>
                <th scope="col">Indikator</th>
                <th scope="col">Mål</th>
                <th scope="col">Riktning</th>
                <th scope="col">Ansvarig</th>
                <th scope="col">Kolada</th>
                <th scope="col" className="num">
                  Mål {year}
                </th>
                <th scope="col">
                  <span className="visually-hidden">Ändra</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.indicators.map(({ id, indicator: i }) => (
                <tr key={id}>
                  <td>{i.key}</td>
                  <th scope="row">
                    <Link href={`/indikator/${i.id}`}>{i.name}</Link> ({indicatorOriginLabel[i.origin]},{' '}
                    {i.unitOfMeasure})
                  </th>
                  <td>{i.goal.code}</td>
                  <td>{directionLabel[i.direction]}</td>
                  <td>{i.responsibleUnit.name}</td>
                  <td>{i.koladaKpiId && <abbr title={i.koladaTitle ?? undefined}>{i.koladaKpiId}</abbr>}</td>
                  <td className="num">{shownNumber(i.targets.find((t) => t.year === year)?.value)}</td>
                  <td>
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => edit(plan.indicators.find((p) => p.id === id)!)}
                    >
                      Ändra <span className="visually-hidden">{i.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3 ref={formHeading} tabIndex={-1}>
        {editing ? `Ändra indikatorn ${editing.indicator.name}` : 'Lägg till en indikator'}
      </h3>
      <IndicatorForm
        key={editing?.id ?? 'new'}
        plan={plan}
        year={year}
        item={editing}
        onDone={() => edit(null)}
      />
    </section>
  );
}

function IndicatorForm({
  plan,
  year,
  item,
  onDone,
}: {
  plan: Plan;
  year: number;
  item: PlanIndicator | null;
  onDone: () => void;
}) {
  const [save] = useMutation(SavePlanIndicatorMutation, {
    refetchQueries: ['PeriodPlan'],
    awaitRefetchQueries: true,
  });
  const state = usePlanForm('indicator');
  const { errors, form, value } = state;
  const i = item?.indicator;
  const targetYears = [...new Set([...(i?.targets.map((t) => t.year) ?? []), year, year + 1])].sort();
  const outcomeYears = [
    ...new Set([
      ...(i?.outcomes.map((o) => o.year).filter((y) => y < year) ?? []),
      ...range(year - 3, year - 1),
    ]),
  ].sort();
  const goalCodes = [...new Set(plan.goals.map((g) => g.goal.code))];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = event.currentTarget;
    const local: Errors = {};
    const series = (name: 'targets' | 'outcomes', years: number[]) =>
      years.flatMap((y) => {
        const text = value(`${name}.${y}`);
        if (text === '') return [];
        const n = swedishNumber(text);
        if (n === undefined) {
          local[`indicator-${name}.${y}`] = `”${text}” är inget tal: skriv som 1 234,5.`;
          return [];
        }
        return [{ year: y, value: n }];
      });
    const targets = series('targets', targetYears);
    const outcomes = series('outcomes', outcomeYears);
    const decimals = value('decimals');
    if (decimals && !/^[0-4]$/.test(decimals))
      local['indicator-decimals'] = 'Decimaler ska vara ett heltal 0–4.';
    const input = {
      periodId: plan.period.id,
      key: value('key'),
      name: value('name'),
      goalCode: value('goalCode'),
      unitOfMeasure: value('unitOfMeasure'),
      direction: value('direction') as Direction,
      decimals: decimals ? Number(decimals) : null,
      origin: value('origin') as IndicatorOrigin,
      responsibleUnitId: value('responsibleUnitId'),
      followUpUnitId: value('followUpUnitId') || null,
      koladaKpiId: value('koladaKpiId') || null,
      targets,
      outcomes,
    };
    void state.save(
      local,
      async () => (await save({ variables: { input } })).data?.savePlanIndicator,
      `Indikatorn ${input.name} är sparad.`,
      () => {
        if (!item) f.reset();
      },
    );
  };

  const text = (
    name: string,
    label: string,
    defaultValue?: string | null,
    hint?: string,
    readOnly = false,
  ) => (
    <Field id={`indicator-${name}`} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <input
          id={`indicator-${name}`}
          name={`indicator-${name}`}
          defaultValue={defaultValue ?? ''}
          readOnly={readOnly}
          {...aria}
        />
      )}
    </Field>
  );
  return (
    <form ref={form} className="edit-form plan-form" onSubmit={submit} noValidate>
      <div className="plan-form-row">
        {text('key', 'Kod', i?.key, 'Unik i kommunen; så känns indikatorn igen', !!i)}
        {text('name', 'Namn', i?.name)}
      </div>
      <div className="plan-form-row">
        <Field id="indicator-goalCode" label="Inriktningsmål" errors={errors}>
          {(aria) => (
            <select id="indicator-goalCode" name="indicator-goalCode" defaultValue={i?.goal.code} {...aria}>
              {goalCodes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('unitOfMeasure', 'Måttenhet', i?.unitOfMeasure, 'Som %, antal, kr per invånare')}
        <Field id="indicator-direction" label="Riktning" errors={errors}>
          {(aria) => (
            <select
              id="indicator-direction"
              name="indicator-direction"
              defaultValue={i?.direction ?? 'HIGHER'}
              {...aria}
            >
              {Object.entries(directionLabel).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text(
          'decimals',
          'Decimaler',
          i?.decimals == null ? '' : String(i.decimals),
          '0–4; tomt: som angivet',
        )}
        <Field id="indicator-origin" label="KF eller nämnd" errors={errors}>
          {(aria) => (
            <select id="indicator-origin" name="indicator-origin" defaultValue={i?.origin ?? 'KF'} {...aria}>
              {Object.entries(indicatorOriginLabel).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="plan-form-row">
        <Field id="indicator-responsibleUnitId" label="Ansvarig enhet" errors={errors}>
          {(aria) => (
            <select
              id="indicator-responsibleUnitId"
              name="indicator-responsibleUnitId"
              defaultValue={i?.responsibleUnit.id}
              {...aria}
            >
              {plan.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="indicator-followUpUnitId" label="Följs upp av" errors={errors}>
          {(aria) => (
            <select
              id="indicator-followUpUnitId"
              name="indicator-followUpUnitId"
              defaultValue={item?.units[0]?.id ?? ''}
              {...aria}
            >
              <option value="">Den ansvariga enheten</option>
              {plan.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text(
          'koladaKpiId',
          'Kolada-id',
          i?.koladaKpiId,
          i?.koladaTitle ? `Kolada: ${i.koladaTitle}` : 'Som N00097',
        )}
      </div>
      <fieldset className="plan-form-row">
        <legend>Målvärden och tidigare utfall</legend>
        {targetYears.map((y) =>
          text(`targets.${y}`, `Mål ${y}`, shownNumber(i?.targets.find((t) => t.year === y)?.value)),
        )}
        {outcomeYears.map((y) =>
          text(`outcomes.${y}`, `Utfall ${y}`, shownNumber(i?.outcomes.find((o) => o.year === y)?.value)),
        )}
      </fieldset>
      <PlanFormFooter
        state={state}
        label="Spara indikatorn"
        disabled={goalCodes.length === 0}
        onCancel={item ? onDone : undefined}
      />
    </form>
  );
}
