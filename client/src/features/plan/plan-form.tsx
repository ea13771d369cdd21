/**
 * What the plan's forms share: a labelled field with its hint and error, Swedish numbers
 * ("1 234,5") read as the import reads them, and one way to turn a mutation's answer into
 * errors by field.
 */
import { CombinedGraphQLErrors } from '@apollo/client';
import type { ReactNode } from 'react';
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
