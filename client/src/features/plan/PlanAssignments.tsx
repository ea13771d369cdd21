import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { AssignmentKind, PeriodPlanQuery } from '../../gql/graphql';
import { kindLabel } from '../../ui/labels';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { Field, PlanFormFooter, useEditing, usePlanForm, type Errors } from './plan-form';

type Plan = PeriodPlanQuery['periodPlan'];
type PlanAssignment = Plan['assignments'][number];

const SavePlanAssignmentMutation = graphql(`
  mutation SavePlanAssignment($input: PlanAssignmentInput!) {
    savePlanAssignment(input: $input) {
      __typename
      ... on PlanAssignment {
        id
      }
      ...FieldErrors @unmask
    }
  }
`);

/** The period's uppdrag and nämndinitiativ, and the form that adds or changes one. */
export function PlanAssignments({ plan }: { plan: Plan }) {
  const { editing, edit, heading: formHeading } = useEditing<PlanAssignment>();
  return (
    <section aria-labelledby="plan-assignments">
      <h2 id="plan-assignments">Uppdrag och nämndinitiativ</h2>
      {plan.assignments.length === 0 ? (
        <p>Perioden har inga uppdrag ännu.</p>
      ) : (
        <ScrollRegion label="Periodens uppdrag och nämndinitiativ">
          <table>
            <caption>Periodens uppdrag och nämndinitiativ</caption>
            <thead>
              <tr>
                <th scope="col">Typ</th>
                <th scope="col">Titel</th>
                <th scope="col">Mål</th>
                <th scope="col">Ansvarig</th>
                <th scope="col">Slutdatum</th>
                <th scope="col">Beslut</th>
                <th scope="col">
                  <span className="visually-hidden">Ändra</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.assignments.map((p) => {
                const a = p.assignment;
                return (
                  <tr key={p.id}>
                    <td>{kindLabel[a.kind]}</td>
                    <th scope="row">
                      <Link href={`/uppdrag/${a.id}`}>{a.title}</Link>
                    </th>
                    <td>{p.goal?.code}</td>
                    <td>{a.responsibleUnit?.name ?? a.ownerUnit.name}</td>
                    <td>{a.dueDate}</td>
                    <td>{[a.decidedBy, a.decidedOn].filter(Boolean).join(' ')}</td>
                    <td>
                      <button type="button" className="button secondary" onClick={() => edit(p)}>
                        Ändra <span className="visually-hidden">{a.title}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3 ref={formHeading} tabIndex={-1}>
        {editing ? 'Ändra uppdraget' : 'Lägg till ett uppdrag eller nämndinitiativ'}
      </h3>
      <AssignmentForm key={editing?.id ?? 'new'} plan={plan} item={editing} onDone={() => edit(null)} />
    </section>
  );
}

function AssignmentForm({
  plan,
  item,
  onDone,
}: {
  plan: Plan;
  item: PlanAssignment | null;
  onDone: () => void;
}) {
  const [save] = useMutation(SavePlanAssignmentMutation, {
    refetchQueries: ['PeriodPlan'],
    awaitRefetchQueries: true,
  });
  const state = usePlanForm('assignment');
  const { errors, form, value } = state;
  const a = item?.assignment;
  const goalCodes = [...new Set(plan.goals.map((g) => g.goal.code))];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = event.currentTarget;
    const local: Errors = {};
    const originYear = value('originYear');
    if (originYear && !/^\d{4}$/.test(originYear))
      local['assignment-originYear'] = 'Skriv året med fyra siffror, som 2025.';
    const input = {
      periodId: plan.period.id,
      // An assignment already there is saved by its code, so its title may change.
      code: a?.key ?? (value('code') || null),
      kind: value('kind') as AssignmentKind,
      title: value('title'),
      goalCode: value('goalCode') || null,
      ownerUnitId: value('ownerUnitId'),
      responsibleUnitId: value('responsibleUnitId') || null,
      dueDate: value('dueDate') || null,
      originYear: originYear ? Number(originYear) : null,
      decidedBy: value('decidedBy') || null,
      decidedOn: value('decidedOn') || null,
    };
    void state.save(
      local,
      async () => (await save({ variables: { input } })).data?.savePlanAssignment,
      'Uppdraget är sparat.',
      () => {
        if (!item) f.reset();
      },
    );
  };

  const input = (
    name: string,
    label: string,
    defaultValue?: string | number | null,
    type = 'text',
    hint?: string,
  ) => (
    <Field id={`assignment-${name}`} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <input
          id={`assignment-${name}`}
          name={`assignment-${name}`}
          type={type}
          defaultValue={defaultValue ?? ''}
          readOnly={name === 'code' && !!item}
          {...aria}
        />
      )}
    </Field>
  );
  const unitSelect = (name: string, label: string, defaultValue: string | undefined, empty?: string) => (
    <Field id={`assignment-${name}`} label={label} errors={errors}>
      {(aria) => (
        <select
          id={`assignment-${name}`}
          name={`assignment-${name}`}
          defaultValue={defaultValue ?? ''}
          {...aria}
        >
          {empty !== undefined && <option value="">{empty}</option>}
          {plan.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form ref={form} className="edit-form plan-form" onSubmit={submit} noValidate>
      <div className="plan-form-row">
        <Field id="assignment-kind" label="Typ" errors={errors}>
          {(aria) => (
            <select id="assignment-kind" name="assignment-kind" defaultValue={a?.kind ?? 'UPPDRAG'} {...aria}>
              {Object.entries(kindLabel).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('code', 'Kod', a?.key, 'text', 'Frivillig; utan kod känns uppdraget igen på titeln')}
        {input('title', 'Titel', a?.title)}
      </div>
      <div className="plan-form-row">
        <Field id="assignment-goalCode" label="Inriktningsmål" errors={errors}>
          {(aria) => (
            <select
              id="assignment-goalCode"
              name="assignment-goalCode"
              defaultValue={item?.goal?.code ?? ''}
              {...aria}
            >
              <option value="">Inget</option>
              {goalCodes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        {unitSelect('ownerUnitId', 'Kontor eller nämnd', a?.ownerUnit.id)}
        {unitSelect('responsibleUnitId', 'Ansvarig enhet', a?.responsibleUnit?.id, 'Ingen angiven')}
      </div>
      <div className="plan-form-row">
        {input('dueDate', 'Slutdatum', a?.dueDate, 'date')}
        {input('originYear', 'Givet år', a?.originYear, 'text', 'Året för Mål och budget eller beslutet')}
        {input('decidedBy', 'Beslutat av', a?.decidedBy, 'text', 'Som KF eller Kommunstyrelsen')}
        {input('decidedOn', 'Beslutsdatum', a?.decidedOn, 'date')}
      </div>
      <PlanFormFooter state={state} label="Spara uppdraget" onCancel={item ? onDone : undefined} />
    </form>
  );
}
