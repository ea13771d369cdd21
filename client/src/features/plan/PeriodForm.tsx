import { useMutation } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { graphql } from '../../gql';
import type { PeriodKind } from '../../gql/graphql';
import { periodKindLabel } from '../../ui/labels';
import { Field, PlanFormFooter, usePlanForm, type Errors } from './plan-form';

const OpenPeriodMutation = graphql(`
  mutation OpenPeriod($input: NewPeriodInput!) {
    openPeriod(input: $input) {
      __typename
      ... on Period {
        id
        label
      }
      ...FieldErrors @unmask
    }
  }
`);

/**
 * Opening a new period of one of the kinds the reports use, with its dates: everything
 * followed up carries over from the latest earlier period, as when the demo's 2025 opened.
 */
export function PeriodForm({ onOpened }: { onOpened: (periodId: string) => void }) {
  const [open] = useMutation(OpenPeriodMutation, {
    refetchQueries: ['PlanPeriods'],
    awaitRefetchQueries: true,
  });
  const state = usePlanForm('period');
  const { errors, form, value } = state;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = event.currentTarget;
    const local: Errors = {};
    if (!value('startDate')) local['period-startDate'] = 'Ange startdatum.';
    if (!value('endDate')) local['period-endDate'] = 'Ange slutdatum.';
    else if (value('startDate') && value('endDate') < value('startDate')) {
      local['period-endDate'] = 'Slutdatum får inte vara före startdatum.';
    }
    const input = {
      key: value('key'),
      label: value('label'),
      kind: value('kind') as PeriodKind,
      startDate: value('startDate'),
      endDate: value('endDate'),
    };
    let opened: string | undefined;
    void state.save(
      local,
      async () => {
        const answer = (await open({ variables: { input } })).data?.openPeriod;
        if (answer?.__typename === 'Period') opened = answer.id;
        return answer;
      },
      `Perioden ${input.label} är öppnad, med allt från den senaste perioden före.`,
      () => {
        f.reset();
        if (opened) onOpened(opened);
      },
    );
  };

  return (
    <section aria-labelledby="plan-period-form">
      <h2 id="plan-period-form">Öppna en ny period</h2>
      <form ref={form} className="edit-form plan-form" onSubmit={submit} noValidate>
        <div className="plan-form-row">
          <Field id="period-kind" label="Typ av period" errors={errors}>
            {(aria) => (
              <select id="period-kind" name="period-kind" defaultValue="TERTIAL" {...aria}>
                {Object.entries(periodKindLabel).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="period-label"
            label="Benämning"
            hint="Som rapporterna skriver den: Jan–Apr 2026"
            errors={errors}
          >
            {(aria) => <input id="period-label" name="period-label" required {...aria} />}
          </Field>
          <Field
            id="period-key"
            label="Nyckel"
            hint="Små bokstäver, siffror och bindestreck: 2026-jan-apr"
            errors={errors}
          >
            {(aria) => <input id="period-key" name="period-key" required {...aria} />}
          </Field>
        </div>
        <div className="plan-form-row">
          <Field id="period-startDate" label="Startdatum" errors={errors}>
            {(aria) => <input id="period-startDate" name="period-startDate" type="date" required {...aria} />}
          </Field>
          <Field id="period-endDate" label="Slutdatum" errors={errors}>
            {(aria) => <input id="period-endDate" name="period-endDate" type="date" required {...aria} />}
          </Field>
        </div>
        <PlanFormFooter state={state} label="Öppna perioden" />
      </form>
    </section>
  );
}
