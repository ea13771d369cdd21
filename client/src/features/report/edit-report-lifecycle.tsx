/**
 * The administratör's part of a report's life: drafting a report for a unit, publishing a
 * draft, removing a draft. An `edit-` chunk (scripts/bundle-budget.mjs): only loaded when an
 * administratör opens the form or a draft, so readers never download it.
 */
import { CombinedGraphQLErrors, type ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'wouter';
import { graphql } from '../../gql';
import type { ReportStatus, ReportType } from '../../gql/graphql';
import { reportTypeLabel } from '../../ui/labels';
import { useViewer } from '../session/useViewer';

const NewDraftReportFormQuery = graphql(`
  query NewDraftReportForm($unitId: ID!) {
    unit(id: $unitId) {
      id
      name
      ancestors {
        id
      }
      kommun {
        id
        periods {
          id
          label
        }
        # Which periods already have a published report: the others are working periods.
        root {
          id
          reports {
            id
            status
            period {
              id
            }
          }
        }
      }
    }
  }
`);

const CreateDraftReportMutation = graphql(`
  mutation CreateDraftReport($input: NewDraftReport!) {
    createDraftReport(input: $input) {
      __typename
      ... on Report {
        id
        title
        type
        status
        publishedAt
        period {
          id
          label
        }
        unit {
          id
          name
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

// Asks back what the report page shows of a published report, so the cache (normalised by
// id) turns the page into the published report and takes away the sections' "Ändra".
const PublishReportMutation = graphql(`
  mutation PublishReport($id: ID!) {
    publishReport(id: $id) {
      __typename
      ... on Report {
        id
        status
        publishedAt
        publishedBy {
          id
          name
        }
        sections {
          id
          viewerCanEdit
        }
      }
      ...FieldErrors @unmask
    }
  }
`);

const DeleteDraftReportMutation = graphql(`
  mutation DeleteDraftReport($id: ID!) {
    deleteDraftReport(id: $id)
  }
`);

const reportTypes = Object.keys(reportTypeLabel) as ReportType[];
const fields = ['periodId', 'type', 'title'] as const;
type Field = (typeof fields)[number];

/** The server's Swedish message of a refused mutation, or one of our own when it was not reached. */
function failureMessage(error: unknown, fallback: string): string {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]) return error.errors[0].message;
  return fallback;
}

/**
 * Drops the reports lists of the unit and of the units above it (each lists the reports
 * below it too), so each is fetched again when next shown. Called after the mutation, outside
 * its cache batch, and without a broadcast: the page on screen is about to be left and must
 * not refetch first (a removed report would answer "finns inte").
 */
function forgetReportLists(cache: ApolloCache, unitIds: string[]) {
  for (const id of unitIds) {
    cache.evict({
      id: cache.identify({ __typename: 'OrgUnit', id }),
      fieldName: 'reports',
      broadcast: false,
    });
  }
}

/**
 * The form an administratör drafts a new report with, on a unit's "Rapporter" tab. The draft
 * starts with the sections of the unit's previous report; on success the draft opens.
 */
export function NewDraftReportForm({ unitId, onCancel }: { unitId: string; onCancel: () => void }) {
  const { data, loading, error, refetch } = useQuery(NewDraftReportFormQuery, { variables: { unitId } });
  const [create, { loading: saving }] = useMutation(CreateDraftReportMutation);
  const { cache } = useApolloClient();
  const [, navigate] = useLocation();
  const formId = useId();
  const periodSelect = useRef<HTMLSelectElement>(null);
  const [periodId, setPeriodId] = useState<string>();
  const [type, setType] = useState<ReportType>('MANADSUPPFOLJNING');
  /** Null while the title follows the chosen type and period; the typed text once edited. */
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState('');

  const unit = data?.unit;
  const published = new Set(
    unit?.kommun.root.reports.filter((r) => r.status === 'PUBLISHED').map((r) => r.period.id),
  );
  const periods = unit?.kommun.periods ?? [];
  // Periods are latest first: the first without a published report is the one being worked on.
  const chosenPeriod =
    periods.find((p) => p.id === periodId) ?? periods.find((p) => !published.has(p.id)) ?? periods[0];
  const title =
    typedTitle ?? (unit && chosenPeriod ? `${reportTypeLabel[type]} ${chosenPeriod.label} ${unit.name}` : '');

  const ready = Boolean(unit);
  useEffect(() => {
    if (ready) periodSelect.current?.focus();
  }, [ready]);

  if (!unit) {
    if (loading) return <p aria-live="polite">Laddar formuläret…</p>;
    return (
      <div role="alert">
        <p>{failureMessage(error, 'Det gick inte att hämta perioderna. Kontrollera anslutningen.')}</p>
        <button type="button" className="button secondary" onClick={() => void refetch()}>
          Försök igen
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setErrors({});
    setMessage('Skapar utkastet…');
    const unitIds = [unitId, ...unit!.ancestors.map((a) => a.id)];
    let result;
    try {
      const response = await create({
        variables: { input: { unitId, periodId: chosenPeriod?.id ?? '', type, title } },
      });
      result = response.data?.createDraftReport;
    } catch (e) {
      setMessage(
        failureMessage(e, 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.'),
      );
      return;
    }
    if (result?.__typename === 'Report') {
      forgetReportLists(cache, unitIds);
      navigate(`/rapport/${result.id}`);
      return;
    }
    if (result?.__typename === 'ValidationError') {
      const byField: Partial<Record<Field, string>> = {};
      const other: string[] = [];
      for (const e of result.fieldErrors) {
        if ((fields as readonly string[]).includes(e.field)) byField[e.field as Field] = e.message;
        else other.push(e.message);
      }
      setErrors(byField);
      setMessage([result.message, ...other].join(' '));
      // Where the correction is made: the first field that was refused.
      const first = fields.find((f) => byField[f]);
      if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
    }
  }

  const described = (name: Field) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${formId}-${name}-error` } : {};
  const fieldError = (name: Field) =>
    errors[name] && (
      <p id={`${formId}-${name}-error`} className="error">
        {errors[name]}
      </p>
    );

  return (
    <form
      className="edit-form"
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={`${formId}-heading`}>Nytt rapportutkast för {unit.name}</h3>
      <p className="muted">Utkastet får avsnitten från enhetens föregående rapport.</p>
      <div className="field">
        <label htmlFor={`${formId}-periodId`}>Period</label>
        <select
          id={`${formId}-periodId`}
          name="periodId"
          ref={periodSelect}
          value={chosenPeriod?.id ?? ''}
          onChange={(e) => setPeriodId(e.target.value)}
          {...described('periodId')}
        >
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} {published.has(p.id) ? '(publicerad)' : '(arbetsperiod, inte publicerad)'}
            </option>
          ))}
        </select>
        {fieldError('periodId')}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-type`}>Typ av rapport</label>
        <select
          id={`${formId}-type`}
          name="type"
          value={type}
          onChange={(e) => setType(e.target.value as ReportType)}
          {...described('type')}
        >
          {reportTypes.map((t) => (
            <option key={t} value={t}>
              {reportTypeLabel[t]}
            </option>
          ))}
        </select>
        {fieldError('type')}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-title`}>Rubrik</label>
        <input
          id={`${formId}-title`}
          name="title"
          type="text"
          maxLength={300}
          value={title}
          onChange={(e) => setTypedTitle(e.target.value)}
          {...described('title')}
        />
        {fieldError('title')}
      </div>
      <p className="save-status" aria-live="polite">
        {message && <span className={saving ? undefined : 'error'}>{message}</span>}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Skapar…' : 'Skapa utkastet'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

type Step =
  | { state: 'idle' }
  | { state: 'confirming'; action: 'publish' | 'delete' }
  | { state: 'working'; action: 'publish' | 'delete' };

/**
 * Publishing and removing a draft report, each after a confirmation on the page. Renders
 * nothing for a reader, a redaktör or a published report (except the announcement right
 * after this administratör published it).
 */
export function ReportLifecycleControls({
  reportId,
  unitId,
  status,
}: {
  reportId: string;
  unitId: string;
  status: ReportStatus;
}) {
  const viewer = useViewer();
  const [, navigate] = useLocation();
  const [publish] = useMutation(PublishReportMutation);
  const [remove] = useMutation(DeleteDraftReportMutation);
  const { cache } = useApolloClient();
  const ids = useId();
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [failure, setFailure] = useState('');
  const [justPublished, setJustPublished] = useState(false);
  const publishButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const published = useRef<HTMLParagraphElement>(null);
  /** Where focus goes once the confirmation has closed: the button it was opened from. */
  const focusAfter = useRef<'publish' | 'delete' | 'published' | null>(null);

  const confirming = step.state === 'confirming' ? step.action : null;
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (step.state !== 'idle' || !focusAfter.current) return;
    const target = { publish: publishButton, delete: deleteButton, published }[focusAfter.current];
    focusAfter.current = null;
    target.current?.focus();
  });

  if (viewer?.role !== 'ADMINISTRATOR') return null;
  if (status === 'PUBLISHED') {
    return justPublished ? (
      <p ref={published} tabIndex={-1} role="status" className="notice">
        Rapporten är publicerad. Den och uppföljningen för perioden är nu offentliga och kan inte ändras.
      </p>
    ) : null;
  }

  function close(focus: 'publish' | 'delete' | 'published') {
    focusAfter.current = focus;
    setStep({ state: 'idle' });
  }

  async function confirmPublish() {
    setStep({ state: 'working', action: 'publish' });
    setFailure('');
    try {
      const { data } = await publish({ variables: { id: reportId } });
      const result = data?.publishReport;
      if (result?.__typename === 'ValidationError') {
        const reasons = result.fieldErrors.map((e) => e.message);
        setFailure(reasons.length ? reasons.join(' ') : result.message);
        close('publish');
        return;
      }
      // The cache now holds the report as published: the page shows it so, without "Ändra".
      setJustPublished(true);
      close('published');
    } catch (e) {
      setFailure(
        failureMessage(e, 'Det gick inte att nå servern. Rapporten publicerades inte; försök igen.'),
      );
      close('publish');
    }
  }

  async function confirmDelete() {
    setStep({ state: 'working', action: 'delete' });
    setFailure('');
    try {
      await remove({ variables: { id: reportId } });
    } catch (e) {
      setFailure(failureMessage(e, 'Det gick inte att nå servern. Utkastet togs inte bort; försök igen.'));
      close('delete');
      return;
    }
    // Other lists that held the report skip it once it is gone (dangling references are
    // left out); the unit's own list is fetched again.
    cache.evict({ id: cache.identify({ __typename: 'Report', id: reportId }), broadcast: false });
    forgetReportLists(cache, [unitId]);
    cache.gc();
    navigate(`/enhet/${unitId}/rapporter`);
  }

  const working = step.state === 'working';
  return (
    <div className="report-lifecycle">
      {step.state === 'idle' && (
        <div className="actions">
          <button
            ref={publishButton}
            type="button"
            className="button"
            onClick={() => {
              setFailure('');
              setStep({ state: 'confirming', action: 'publish' });
            }}
          >
            Publicera rapporten
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button secondary"
            onClick={() => {
              setFailure('');
              setStep({ state: 'confirming', action: 'delete' });
            }}
          >
            Ta bort utkastet
          </button>
        </div>
      )}
      {step.state !== 'idle' && step.action === 'publish' && (
        <Confirmation
          ids={ids}
          question={question}
          title="Publicera rapporten?"
          working={working}
          confirm={working ? 'Publicerar…' : 'Ja, publicera'}
          onConfirm={() => void confirmPublish()}
          onCancel={() => close('publish')}
        >
          En publicerad rapport är en allmän handling: den kan aldrig ändras eller tas bort. Samtidigt blir
          uppföljningen för rapportens period – mål, indikatorer, uppdrag och ekonomi för enheten och
          enheterna under den – offentlig och låses för ändringar.
        </Confirmation>
      )}
      {step.state !== 'idle' && step.action === 'delete' && (
        <Confirmation
          ids={ids}
          question={question}
          title="Ta bort utkastet?"
          working={working}
          danger
          confirm={working ? 'Tar bort…' : 'Ja, ta bort utkastet'}
          onConfirm={() => void confirmDelete()}
          onCancel={() => close('delete')}
        >
          Utkastet och all text i dess avsnitt tas bort och kan inte återställas. Uppföljningen för perioden
          påverkas inte.
        </Confirmation>
      )}
      {/* Always present, so that screen readers announce the outcome when it appears. */}
      <p className="lifecycle-outcome error" role="alert">
        {failure}
      </p>
    </div>
  );
}

/** An in-page question before a step that cannot be undone; its heading takes the focus. */
function Confirmation(props: {
  ids: string;
  question: RefObject<HTMLHeadingElement | null>;
  title: string;
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  working: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { ids, working } = props;
  return (
    <section className="confirm" aria-labelledby={`${ids}-question`} aria-describedby={`${ids}-explain`}>
      <h2 id={`${ids}-question`} ref={props.question} tabIndex={-1}>
        {props.title}
      </h2>
      <p id={`${ids}-explain`}>{props.children}</p>
      <div className="actions">
        <button
          type="button"
          className={props.danger ? 'button danger' : 'button'}
          disabled={working}
          onClick={props.onConfirm}
        >
          {props.confirm}
        </button>
        <button type="button" className="button secondary" disabled={working} onClick={props.onCancel}>
          Avbryt
        </button>
      </div>
    </section>
  );
}
