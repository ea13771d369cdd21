/**
 * A form's Swedish errors shown next to their fields: the message under the input, and the
 * ARIA that makes a screen reader read it with the input (and any hint the field has).
 */
export function fieldErrors<F extends string>(errors: Partial<Record<F, string>>) {
  return {
    /** Props for the input of `field`; `hint` is the id of a hint shown with it. */
    described: (field: F, hint?: string) => {
      const ids = [hint, errors[field] && `${field}-error`].filter(Boolean).join(' ');
      return { 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': ids || undefined };
    },
    /** The message of `field`, if it has one. */
    fieldError: (field: F) =>
      errors[field] && (
        <p id={`${field}-error`} className="error">
          {errors[field]}
        </p>
      ),
  };
}
