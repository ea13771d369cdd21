import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { graphql } from '../../gql';
import { fieldErrors } from '../../ui/field-errors';
import { QueryState } from '../../ui/QueryState';

const SetupQuery = graphql(`
  query Setup {
    setup {
      needed
      passwordMinLength
      kommunChoices {
        code
        name
      }
    }
  }
`);

const SetUpMutation = graphql(`
  mutation SetUp($input: SetUpInput!) {
    setUp(input: $input) {
      __typename
      ... on SetUpDone {
        kommun {
          id
          root {
            id
          }
        }
      }
      ... on SetupError {
        errorCode
        message
      }
      ... on ValidationError {
        fieldErrors {
          field
          message
        }
      }
    }
  }
`);

/** The form's fields; the server's field names, plus the repeated password. */
const fields = ['koladaCode', 'name', 'email', 'password', 'repeat'] as const;
type Field = (typeof fields)[number];
type Errors = Partial<Record<Field | 'form', string>>;

const UNREACHABLE = 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.';

/**
 * The installation's first start: while no kommun exists, whoever has the link from the
 * server's log creates one from Kolada's list, with its first administratör, and lands
 * signed in on the kommun's page.
 */
export default function SetupPage() {
  const token = new URLSearchParams(useSearch()).get('token');
  const { data, error, loading, refetch } = useQuery(SetupQuery, { fetchPolicy: 'network-only' });
  const client = useApolloClient();
  const [, navigate] = useLocation();
  const [setUp] = useMutation(SetUpMutation);
  // From submit until leaving the page, so the form does not turn into "klar" while the
  // store is reset with the new session.
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const choices = data.setup.kommunChoices;

  if (!data.setup.needed && !busy) {
    return (
      <main>
        <h1>Installationen är klar</h1>
        <p>Det finns redan en kommun i installationen. Fler kommuner läggs till med pnpm kommun:create.</p>
        <p>
          <Link href="/">Till startsidan</Link>
        </p>
      </main>
    );
  }
  if (!token) {
    return (
      <main>
        <h1>Skapa den första kommunen</h1>
        <p>
          Länken saknar sin engångskod. Öppna hela länken från serverns logg (raden ”Ingen kommun finns
          ännu”), eller skapa kommunen med pnpm kommun:create.
        </p>
      </main>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = (name: Field) => form.elements.namedItem(name) as HTMLInputElement;
    const value = (name: Field) => input(name).value;
    const show = (found: Errors) => {
      setErrors(found);
      setBusy(false);
      const first = fields.find((f) => found[f]);
      if (first) input(first).focus();
    };

    // The picker shows names; a four-digit code typed in is taken as it is.
    const typed = value('koladaCode').trim();
    const chosen = choices.find((c) => c.name.toLowerCase() === typed.toLowerCase() || c.code === typed);
    const local: Errors = {};
    if (!chosen)
      local.koladaCode = typed ? `${typed} finns inte i Koladas lista över kommuner.` : 'Välj en kommun.';
    if (value('repeat') !== value('password')) local.repeat = 'Lösenorden är inte lika.';
    if (Object.keys(local).length > 0) return show(local);

    setBusy(true);
    setErrors({});
    try {
      const { data: result } = await setUp({
        variables: {
          input: {
            token,
            koladaCode: chosen!.code,
            name: value('name'),
            email: value('email'),
            password: value('password'),
          },
        },
      });
      const outcome = result?.setUp;
      if (outcome?.__typename === 'ValidationError') {
        return show(Object.fromEntries(outcome.fieldErrors.map((e) => [e.field, e.message])));
      }
      if (outcome?.__typename !== 'SetUpDone') return show({ form: outcome?.message ?? UNREACHABLE });
      // Everything is fetched again with the administratör's session, header included.
      await client.resetStore().catch(() => undefined);
      navigate(`/enhet/${outcome.kommun.root.id}`, { replace: true });
    } catch {
      show({ form: UNREACHABLE });
    }
  };

  const { described, fieldError } = fieldErrors<Field>(errors);

  return (
    <main>
      <h1>Skapa den första kommunen</h1>
      <p>
        Installationen har ingen kommun ännu. Välj kommunen och ange dess första administratör, som sedan
        lägger till organisation, perioder och fler användare.
      </p>
      {/* The server's Swedish messages replace the browser's own validation. */}
      <form className="sign-in setup" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="koladaCode">Kommun</label>
        <p id="koladaCode-hint" className="hint">
          Skriv för att söka bland Koladas {choices.length} kommuner.
        </p>
        <input
          id="koladaCode"
          name="koladaCode"
          list="kolada-kommuner"
          autoComplete="off"
          required
          {...described('koladaCode', 'koladaCode-hint')}
        />
        <datalist id="kolada-kommuner">
          {choices.map((c) => (
            <option key={c.code} value={c.name} />
          ))}
        </datalist>
        {fieldError('koladaCode')}

        <label htmlFor="name">Administratörens namn</label>
        <input id="name" name="name" autoComplete="name" required {...described('name')} />
        {fieldError('name')}

        <label htmlFor="email">Administratörens e-postadress</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          {...described('email')}
        />
        {fieldError('email')}

        <label htmlFor="password">Lösenord</label>
        <p id="password-hint" className="hint">
          Minst {data.setup.passwordMinLength} tecken.
        </p>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          {...described('password', 'password-hint')}
        />
        {fieldError('password')}

        <label htmlFor="repeat">Lösenordet igen</label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          {...described('repeat')}
        />
        {fieldError('repeat')}

        {errors.form && (
          <p role="alert" className="error">
            {errors.form}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Skapar…' : 'Skapa kommunen'}
        </button>
      </form>
    </main>
  );
}
