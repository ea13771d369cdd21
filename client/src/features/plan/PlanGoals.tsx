import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { graphql } from '../../gql';
import type { PeriodPlanQuery } from '../../gql/graphql';
import { Field, PlanFormFooter, useEditing, usePlanForm, type Errors } from './plan-form';

type Plan = PeriodPlanQuery['periodPlan'];
type PlanGoal = Plan['goals'][number];

const SavePlanGoalMutation = graphql(`
  mutation SavePlanGoal($input: PlanGoalInput!) {
    savePlanGoal(input: $input) {
      __typename
      ... on PlanGoal {
        id
      }
      ...FieldErrors @unmask
    }
  }
`);

/** The period's målområden with their inriktningsmål, and the form that adds or changes one. */
export function PlanGoals({ plan }: { plan: Plan }) {
  const { editing, edit, heading: formHeading } = useEditing<PlanGoal>();
  const areas = new Map<string, { code: string; title: string; goals: PlanGoal[] }>();
  for (const g of plan.goals) {
    const area = areas.get(g.goal.area.id) ?? { code: g.goal.area.code, title: g.goal.area.title, goals: [] };
    area.goals.push(g);
    areas.set(g.goal.area.id, area);
  }
  return (
    <section aria-labelledby="plan-goals">
      <h2 id="plan-goals">Målområden och inriktningsmål</h2>
      {areas.size === 0 && <p>Perioden har inga inriktningsmål ännu.</p>}
      {[...areas.entries()].map(([id, area]) => (
        <div key={id}>
          <h3>
            {area.code}. {area.title}
          </h3>
          <ul className="plan-list">
            {area.goals.map((g) => (
              <li key={g.id}>
                <span>
                  <strong>{g.goal.code}</strong> {g.goal.title}{' '}
                  <span className="muted">({g.units.map((u) => u.name).join(', ')})</span>
                </span>
                <button type="button" className="button secondary" onClick={() => edit(g)}>
                  Ändra <span className="visually-hidden">inriktningsmål {g.goal.code}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h3 ref={formHeading} tabIndex={-1}>
        {editing ? `Ändra inriktningsmål ${editing.goal.code}` : 'Lägg till ett inriktningsmål'}
      </h3>
      <GoalForm key={editing?.id ?? 'new'} plan={plan} goal={editing} onDone={() => edit(null)} />
    </section>
  );
}

function GoalForm({ plan, goal, onDone }: { plan: Plan; goal: PlanGoal | null; onDone: () => void }) {
  const [save] = useMutation(SavePlanGoalMutation, {
    refetchQueries: ['PeriodPlan'],
    awaitRefetchQueries: true,
  });
  const state = usePlanForm('goal');
  const { errors, form, value } = state;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = event.currentTarget;
    const units = [...(f.elements.namedItem('goal-unitIds') as HTMLSelectElement).selectedOptions].map(
      (o) => o.value,
    );
    const agenda = value('agenda2030');
    const agenda2030 = agenda
      ? agenda
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map(Number)
      : null;
    const local: Errors = {};
    if (agenda2030?.some((n) => !Number.isInteger(n)))
      local['goal-agenda2030'] = 'Skriv Agenda 2030-målen som tal 1–17, t.ex. 8, 12.';
    if (units.length === 0) local['goal-unitIds'] = 'Välj minst en enhet som följer upp målet.';
    const input = {
      periodId: plan.period.id,
      areaCode: value('areaCode'),
      areaTitle: value('areaTitle'),
      agenda2030,
      code: value('code'),
      title: value('title'),
      unitIds: units,
    };
    void state.save(
      local,
      async () => (await save({ variables: { input } })).data?.savePlanGoal,
      `Inriktningsmål ${input.code} är sparat.`,
      () => {
        if (!goal) f.reset();
      },
    );
  };

  const area = goal?.goal.area;
  return (
    <form ref={form} className="edit-form plan-form" onSubmit={submit} noValidate>
      <div className="plan-form-row">
        <Field id="goal-areaCode" label="Målområde (kod)" hint="Som 1" errors={errors}>
          {(aria) => (
            <input id="goal-areaCode" name="goal-areaCode" defaultValue={area?.code} required {...aria} />
          )}
        </Field>
        <Field id="goal-areaTitle" label="Målområde" errors={errors}>
          {(aria) => (
            <input id="goal-areaTitle" name="goal-areaTitle" defaultValue={area?.title} required {...aria} />
          )}
        </Field>
        <Field id="goal-agenda2030" label="Agenda 2030" hint="Mål 1–17, som 8, 12" errors={errors}>
          {(aria) => (
            <input
              id="goal-agenda2030"
              name="goal-agenda2030"
              defaultValue={area?.agenda2030.join(', ')}
              {...aria}
            />
          )}
        </Field>
      </div>
      <div className="plan-form-row">
        <Field
          id="goal-code"
          label="Inriktningsmål (kod)"
          hint="Som 1.1; så känns målet igen i perioden"
          errors={errors}
        >
          {(aria) => (
            <input
              id="goal-code"
              name="goal-code"
              defaultValue={goal?.goal.code}
              readOnly={!!goal}
              required
              {...aria}
            />
          )}
        </Field>
        <Field id="goal-title" label="Inriktningsmål" errors={errors}>
          {(aria) => (
            <input id="goal-title" name="goal-title" defaultValue={goal?.goal.title} required {...aria} />
          )}
        </Field>
      </div>
      <Field
        id="goal-unitIds"
        label="Följs upp av"
        hint="Välj en eller flera enheter (Ctrl eller Cmd för flera)"
        errors={errors}
      >
        {(aria) => (
          <select
            id="goal-unitIds"
            name="goal-unitIds"
            multiple
            size={6}
            defaultValue={goal?.units.map((u) => u.id) ?? []}
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
      <PlanFormFooter state={state} label="Spara inriktningsmålet" onCancel={goal ? onDone : undefined} />
    </form>
  );
}
