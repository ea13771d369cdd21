/**
 * What the plan's forms share: a labelled field with its hint and error, Swedish numbers
 * ("1 234,5") read as the import reads them, and one way to turn a mutation's answer into
 * errors by field.
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import { useRef, useState, type ReactNode } from 'react';
import { fieldErrors } from '../../ui/field-errors';

export type Errors = Record<string, string | undefined>;

export const UNREACHABLE = 'Det gick inte att nå servern. Inget sparades; försök igen.';

/** A number as a Swedish spreadsheet or person writes it; undefined when it is none. */
export function swedishNumber(text: string): number | null | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  if (t === '') return null;
  if (!/^-?\d+(,\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** The number as the forms show it: decimal comma, no thousands separator to retype. */
export const shownNumber = (value: number | null | undefined) =>
  value == null ? '' : String(value).replace('.', ',');

/**
 * The errors of a mutation's ValidationError by field, or the refusal of the whole form.
 * Fields are the server's names with the form's prefix, as the inputs' ids are: several
 * forms share the page.
 */
export function answerErrors(
  prefix: string,
  result:
    { __typename?: string; message?: string; fieldErrors?: { field: string; message: string }[] } | undefined,
): Errors | null {
  if (result?.__typename !== 'ValidationError') return null;
  const errors: Errors = {};
  for (const e of result.fieldErrors ?? []) errors[`${prefix}-${e.field}`] ??= e.message;
  if (Object.keys(errors).length === 0) errors.form = result.message;
  return errors;
}

/** A refusal the server answered as an error (PUBLISHED, FORBIDDEN), else the network's. */
export function thrownErrors(error: unknown): Errors {
  return { form: CombinedGraphQLErrors.is(error) ? (error.errors[0]?.message ?? UNREACHABLE) : UNREACHABLE };
}

export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: Errors;
  /** The control, given the ARIA props that tie it to its hint and error. */
  children: (aria: ReturnType<ReturnType<typeof fieldErrors>['described']>) => ReactNode;
}) {
  const { described, fieldError } = fieldErrors<string>(errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children(described(id, hint ? `${id}-hint` : undefined))}
      {fieldError(id)}
    </div>
  );
}

/** Focus on the first field with an error, so a keyboard user lands where to correct. */
export function focusFirstError(form: HTMLFormElement | null, errors: Errors) {
  const first = Object.keys(errors).find((f) => f !== 'form' && errors[f]);
  const element = first && form?.querySelector<HTMLElement>(`#${CSS.escape(first)}`);
  if (element) element.focus();
  else form?.querySelector<HTMLElement>('[role="alert"]')?.focus();
}

export function FormError({ errors }: { errors: Errors }) {
  return errors.form ? (
    <p role="alert" className="error" tabIndex={-1}>
      {errors.form}
    </p>
  ) : null;
}

type Answer = Parameters<typeof answerErrors>[1];

/**
 * The state of one of the plan's forms and its one way of saving: checks found on the
 * device first, then the mutation; errors shown by field with focus on the first, or the
 * outcome said in the form's status line.
 */
export function usePlanForm(prefix: string) {
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const show = (found: Errors) => {
    setErrors(found);
    setBusy(false);
    requestAnimationFrame(() => focusFirstError(form.current, found));
  };
  /** The value of the form's field `name` (its input's name has the form's prefix). */
  const value = (name: string) =>
    (form.current?.elements.namedItem(`${prefix}-${name}`) as HTMLInputElement | null)?.value.trim() ?? '';
  async function save(local: Errors, send: () => Promise<Answer>, done: string, after: () => void) {
    if (Object.keys(local).length) return show(local);
    setBusy(true);
    setSaved(undefined);
    try {
      const refused = answerErrors(prefix, await send());
      if (refused) return show(refused);
      setErrors({});
      setBusy(false);
      setSaved(done);
      after();
    } catch (error) {
      show(thrownErrors(error));
    }
  }
  return { errors, busy, saved, form, value, save };
}

/** A form's refusal, its status line and its buttons. */
export function PlanFormFooter({
  state,
  label,
  disabled,
  onCancel,
}: {
  state: Pick<ReturnType<typeof usePlanForm>, 'errors' | 'busy' | 'saved'>;
  label: string;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  return (
    <>
      <FormError errors={state.errors} />
      <p role="status" className="save-status">
        {state.saved}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={state.busy || disabled}>
          {state.busy ? 'Sparar…' : label}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Avbryt
          </button>
        )}
      </div>
    </>
  );
}

/**
 * Which item of a list its form is changing (null: adding one). Choosing moves focus to the
 * form's heading, so a keyboard user is taken to the form and hears what it is for.
 */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const edit = (item: T | null) => {
    setEditing(item);
    requestAnimationFrame(() => heading.current?.focus());
  };
  return { editing, edit, heading };
}
