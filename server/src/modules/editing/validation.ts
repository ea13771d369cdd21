/**
 * Input rules for edits, with Swedish messages that name the field. Leaving a field out
 * keeps it (undefined); null clears it where it may be empty. Text is trimmed, and text
 * that is only whitespace counts as empty.
 */
import { z } from 'zod';

export const thousands = (n: number) => n.toLocaleString('sv-SE');

const trimmed = (v: string | null | undefined) => {
  if (v == null) return v;
  const t = v.trim();
  return t === '' ? null : t;
};

/** Text that may be empty, e.g. a comment. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} ska vara text.` })
    .max(max, `${label} får vara högst ${thousands(max)} tecken.`)
    .nullable()
    .optional()
    .transform(trimmed);

/** Text that must be there when given, e.g. a section heading. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} måste anges.` })
    .max(max, `${label} får vara högst ${thousands(max)} tecken.`)
    .optional()
    .transform(trimmed)
    .refine((v) => v !== null, `${label} får inte vara tom.`)
    .transform((v) => v ?? undefined);

/** One of the allowed values; null only where the field may be empty. */
export const choice = <const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  options: { nullable: boolean },
) => {
  const allowed = z.enum(values, {
    error: (issue) =>
      issue.input == null ? `${label} måste anges.` : `${label} måste vara en av: ${values.join(', ')}.`,
  });
  return options.nullable ? allowed.nullable().optional() : allowed.optional();
};

/** A measured value; four decimals are kept, as the database does. */
export const measurement = (label: string) =>
  z
    .number({ error: `${label} ska vara ett tal.` })
    .refine(Number.isFinite, `${label} ska vara ett tal.`)
    .refine((v) => Math.abs(v) < 1e9, `${label} är orimligt stort.`)
    .transform((v) => Math.round(v * 1e4) / 1e4)
    .nullable()
    .optional();

export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** What an administrative step comes to: done, or refused field by field (nothing changed). */
export type Outcome<T> = { ok: T } | { invalid: FieldError[] };

/** The value of a step done, or the `ValidationError` member of its result union. */
export function okOrValidationError<T>(outcome: Outcome<T>) {
  if ('ok' in outcome) return outcome.ok;
  return { message: 'Inget sparades: rätta uppgifterna och försök igen.', fieldErrors: outcome.invalid };
}
