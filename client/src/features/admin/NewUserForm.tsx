/**
 * The administratör adds a user to the kommun: name, e-mail, a first password the person
 * changes under Mitt konto, the role, and for a redaktör the units they edit (with everything
 * below them), chosen from the organisation of the kommun's latest period.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { fieldErrors } from '../../ui/field-errors';
import { roleLabel } from '../../ui/labels';

const NewUserUnitsQuery = graphql(`
  query NewUserUnits($kommunId: ID!) {
    kommun(id: $kommunId) {
      id
      latestPeriod {
        id
        label
      }
    }
  }
`);

const NewUserTreeQuery = graphql(`
  query NewUserTree($periodId: ID!) {
    organisationInPeriod(periodId: $periodId) {
      id
      unitId
      name
      closed
      parentId
    }
  }
`);

const CreateUserMutation = graphql(`
  mutation CreateUser($input: NewUserInput!) {
    createUser(input: $input) {
      __typename
      ... on UserCreated {
        user {
          id
          name
          role
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

type Field = 'name' | 'email' | 'password' | 'role' | 'unitIds' | 'form';
const ROLES: readonly Role[] = ['LASARE', 'REDAKTOR', 'ADMINISTRATOR'];

export function NewUserForm({ kommunId, onCreated }: { kommunId: string; onCreated: () => void }) {
  const kommun = useQuery(NewUserUnitsQuery, { variables: { kommunId } });
  const periodId = kommun.data?.kommun.latestPeriod?.id;
  const tree = useQuery(NewUserTreeQuery, { variables: { periodId: periodId ?? '' }, skip: !periodId });
  const [createUser] = useMutation(CreateUserMutation);
  const [role, setRole] = useState<Role>('REDAKTOR');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);

  const units = (tree.data?.organisationInPeriod ?? []).filter((u) => !u.closed);
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const depth = (id: string | null | undefined): number => {
    const parent = id ? byId.get(id) : undefined;
    return parent ? depth(parent.parentId) + 1 : 0;
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const show = (found: Partial<Record<Field, string>>) => {
      setErrors(found);
      const first = (['name', 'email', 'password', 'role', 'unitIds'] as const).find((f) => found[f]);
      if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    };
    setDone(undefined);
    setBusy(true);
    try {
      const answer = await createUser({
        variables: {
          input: {
            name: text('name'),
            email: text('email'),
            password: text('password'),
            role,
            unitIds: role === 'REDAKTOR' ? data.getAll('unitIds').filter((v) => typeof v === 'string') : [],
          },
        },
      });
      const result = answer.data?.createUser;
      if (result?.__typename === 'ValidationError') {
        const found: Partial<Record<Field, string>> = {};
        for (const e of result.fieldErrors) {
          const field = (e.field.split('.')[0] ?? 'form') as Field;
          found[field] = found[field] ? `${found[field]} ${e.message}` : e.message;
        }
        show(Object.keys(found).length ? found : { form: result.message });
      } else if (result?.__typename === 'UserCreated') {
        setErrors({});
        form.reset();
        setRole('REDAKTOR');
        setDone(`${result.user.name} är tillagd som ${roleLabel[result.user.role]}.`);
        onCreated();
      }
    } catch {
      show({ form: 'Det gick inte att nå servern. Ingen användare lades till; försök igen.' });
    } finally {
      setBusy(false);
    }
  }

  const { described, fieldError } = fieldErrors<Field>(errors);
  return (
    <section aria-labelledby="new-user">
      <h2 id="new-user">Lägg till en användare</h2>
      <form className="sign-in" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="name">Namn</label>
        <input id="name" name="name" autoComplete="off" {...described('name')} />
        {fieldError('name')}
        <label htmlFor="email">E-post</label>
        <input id="email" name="email" type="email" autoComplete="off" {...described('email')} />
        {fieldError('email')}
        <label htmlFor="password">Första lösenord</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          {...described('password', 'password-hint')}
        />
        <p id="password-hint" className="muted">
          Minst 12 tecken. Personen byter det under Mitt konto.
        </p>
        {fieldError('password')}
        <label htmlFor="role">Roll</label>
        <select
          id="role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          {...described('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
        {fieldError('role')}
        {role === 'REDAKTOR' && (
          <>
            <label htmlFor="unitIds">Enheter som redaktören ändrar</label>
            <select
              id="unitIds"
              name="unitIds"
              multiple
              size={Math.min(10, Math.max(units.length, 2))}
              {...described('unitIds', 'unitIds-hint')}
            >
              {units.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {'\u2003'.repeat(depth(u.parentId))}
                  {u.name}
                </option>
              ))}
            </select>
            <p id="unitIds-hint" className="muted">
              Med allt under dem. Välj flera med Ctrl eller Skift.
            </p>
            {fieldError('unitIds')}
          </>
        )}
        {errors.form && (
          <p role="alert" className="error">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Lägger till…' : 'Lägg till användaren'}
        </button>
      </form>
      {/* Only once there is something to say: the list above has the page's status. */}
      {done && (
        <p ref={status} tabIndex={-1} role="status">
          {done}
        </p>
      )}
    </section>
  );
}
