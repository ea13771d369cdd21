import { useApolloClient } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { dateTime } from '../../ui/format';
import { putEdit, type OutboxEdit } from '../../pwa/outbox';

type OutboxValues = OutboxEdit['values'];
import { isUnreachable } from '../../pwa/unreachable';
import { draftKey } from './draft-key';
import { failureMessage } from './edit-failure';
import {
  conflictValues,
  editKinds,
  type EditableTypename,
  type EditValues,
  type FieldSpec,
} from './edit-kinds';

interface Draft {
  /** The version the editor started from: a save from it meets any later save as a conflict. */
  version: number;
  values: EditValues;
  at: string;
}

interface Conflict {
  message: string;
  version: number;
  theirs: EditValues;
  author: string | null;
  at: string;
}

type Status =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'failed'; message: string };

/** What every `…EditResult` union looks like, whichever record it is about. */
interface EditResult {
  __typename: string;
  message?: string;
  fieldErrors?: { field: string; message: string }[];
  current?: Record<string, unknown> & {
    version: number;
    updatedAt: string;
    updatedBy: { name: string } | null;
  };
}

function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

/** "42,5" as typed on a Swedish keyboard, or "" for no value. NaN when it is no number. */
const parseNumber = (text: string) =>
  text.trim() === '' ? null : Number(text.replace(/\s/g, '').replace(',', '.'));

export interface EditFormProps {
  typename: EditableTypename;
  id: string;
  version: number;
  values: EditValues;
  label: string;
  /** Saves the restored draft at once: an edit from the outbox that met a conflict. */
  resave?: boolean;
  onClose: () => void;
}

/**
 * The form that edits a record in place. Every keystroke is kept on the device until the
 * save succeeds; a save made from an old version comes back as a conflict, and the editor
 * chooses their text, the other one, or a merge. Nothing is overwritten without a choice.
 */
export default function EditForm({ typename, id, version, values, label, resave, onClose }: EditFormProps) {
  const kind = editKinds[typename];
  const key = draftKey(typename, id);
  const client = useApolloClient();
  const formId = useId();
  const [restored] = useState(() => readDraft(key));
  const [base, setBase] = useState(restored?.version ?? version);
  const [form, setForm] = useState<EditValues>(() => restored?.values ?? asFormValues(kind.fields, values));
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const first = useRef<HTMLElement | null>(null);

  useEffect(() => {
    first.current?.focus();
    // Once, on opening: the conflict shows as it would have had the save been made online.
    if (resave) void save(base, form);
  }, []);

  function change(name: string, value: string) {
    const next = { ...form, [name]: value };
    setForm(next);
    try {
      localStorage.setItem(
        key,
        JSON.stringify({ version: base, values: next, at: new Date().toISOString() }),
      );
    } catch {
      // A full or blocked storage only loses the draft, never the save.
    }
  }

  function discard() {
    localStorage.removeItem(key);
    onClose();
  }

  async function save(fromVersion: number, toSave: EditValues) {
    const input: Record<string, unknown> = { id, version: fromVersion };
    const clientErrors: Record<string, string> = {};
    for (const field of kind.fields) {
      const raw = toSave[field.name];
      const text = raw == null ? '' : String(raw);
      if (field.kind === 'number') {
        const n = parseNumber(text);
        if (n !== null && !Number.isFinite(n)) clientErrors[field.name] = `${field.label} ska vara ett tal.`;
        input[field.name] = n;
      } else {
        input[field.name] = text === '' ? null : text;
      }
    }
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    setStatus({ state: 'saving' });
    let result: EditResult;
    try {
      const { data } = await client.mutate({ mutation: kind.document, variables: { input } });
      result = Object.values(data ?? {})[0] as EditResult;
    } catch (error) {
      if (isUnreachable(error)) {
        // Offline: the edit waits in the outbox and is sent when the connection returns.
        await putEdit({
          key: crypto.randomUUID(),
          typename,
          id,
          input,
          values: toSave as OutboxValues,
          summary: kind.fields
            .filter((f) => String(toSave[f.name] ?? '') !== String(asFormValues([f], values)[f.name] ?? ''))
            .map((f) => `${f.label}: ${shown(f, toSave[f.name])}`)
            .join(' · '),
          createdAt: new Date().toISOString(),
          state: 'pending',
        });
        localStorage.removeItem(key);
        onClose();
        return;
      }
      // The draft stays on the device: nothing typed is lost when the save fails.
      setStatus({ state: 'failed', message: failureMessage(error) });
      return;
    }
    if (result.__typename === 'ValidationError') {
      setErrors(Object.fromEntries(result.fieldErrors!.map((e) => [e.field, e.message])));
      setStatus({ state: 'failed', message: result.message! });
    } else if (result.__typename === 'VersionConflict') {
      const current = result.current!;
      setConflict({
        message: result.message!,
        version: current.version,
        theirs: asFormValues(kind.fields, conflictValues(kind, current)),
        author: current.updatedBy?.name ?? null,
        at: current.updatedAt,
      });
      setStatus({ state: 'idle' });
    } else {
      localStorage.removeItem(key);
      setStatus({ state: 'saved', at: new Date() });
      onClose();
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(base, form);
  }

  /** Keeps the editor's text but builds on the current version, for a merge or another look. */
  function resolve(values: EditValues) {
    setBase(conflict!.version);
    setForm(values);
    localStorage.setItem(
      key,
      JSON.stringify({ version: conflict!.version, values, at: new Date().toISOString() }),
    );
    setConflict(null);
  }

  const described = (name: string) =>
    errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${formId}-${name}-error` } : {};

  return (
    <form className="edit-form" onSubmit={submit} aria-label={`Ändra ${label}`}>
      {restored && (
        <p className="notice">
          Osparat utkast från {dateTime(restored.at)} återställt.{' '}
          <button type="button" className="link" onClick={discard}>
            Släng utkastet
          </button>
        </p>
      )}
      {kind.fields.map((field, index) => (
        <div key={field.name} className="field">
          <label htmlFor={`${formId}-${field.name}`}>{field.label}</label>
          <FieldInput
            field={field}
            id={`${formId}-${field.name}`}
            value={form[field.name]}
            onChange={(v) => change(field.name, v)}
            inputRef={index === 0 ? (el) => (first.current = el) : undefined}
            {...described(field.name)}
          />
          {errors[field.name] && (
            <p id={`${formId}-${field.name}-error`} className="error">
              {errors[field.name]}
            </p>
          )}
        </div>
      ))}

      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>{conflict.message}</strong> Sparat av {conflict.author ?? 'okänd'} {dateTime(conflict.at)}
            .
          </p>
          {kind.fields
            .filter((f) => String(conflict.theirs[f.name] ?? '') !== String(form[f.name] ?? ''))
            .map((f) => (
              <div key={f.name} className="versions">
                <h4>{f.label}</h4>
                <p>
                  <span className="muted">Sparat nu:</span> {shown(f, conflict.theirs[f.name])}
                </p>
                <p>
                  <span className="muted">Din version:</span> {shown(f, form[f.name])}
                </p>
              </div>
            ))}
          <div className="actions">
            <button type="button" className="button" onClick={() => void save(conflict.version, form)}>
              Behåll min version
            </button>
            <button type="button" className="button secondary" onClick={discard}>
              Ta den sparade
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => resolve(merged(kind.fields, form, conflict.theirs))}
            >
              Sammanfoga
            </button>
          </div>
        </div>
      )}

      <p className="save-status" aria-live="polite">
        {status.state === 'saving' && 'Sparar…'}
        {status.state === 'saved' && `Sparat ${dateTime(status.at)}`}
        {status.state === 'failed' && <span className="error">{status.message}</span>}
        {status.state === 'idle' && !conflict && 'Utkastet sparas på enheten medan du skriver.'}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={status.state === 'saving' || conflict !== null}>
          {status.state === 'saving' ? 'Sparar…' : 'Spara'}
        </button>
        <button type="button" className="button secondary" onClick={discard}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

function FieldInput({
  field,
  id,
  value,
  onChange,
  inputRef,
  ...aria
}: {
  field: FieldSpec;
  id: string;
  value: EditValues[string];
  onChange: (value: string) => void;
  inputRef?: (el: HTMLElement | null) => void;
}) {
  const text = value == null ? '' : String(value);
  if (field.kind === 'select') {
    return (
      <select id={id} value={text} onChange={(e) => onChange(e.target.value)} ref={inputRef} {...aria}>
        {!field.required && <option value="">– Ingen –</option>}
        {Object.entries(field.options!).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'textarea') {
    return (
      <textarea
        id={id}
        value={text}
        rows={Math.min(12, Math.max(4, Math.ceil(text.length / 60)))}
        maxLength={field.maxLength}
        onChange={(e) => onChange(e.target.value)}
        ref={inputRef}
        {...aria}
      />
    );
  }
  return (
    <input
      id={id}
      type="text"
      inputMode={field.kind === 'number' ? 'decimal' : undefined}
      value={text}
      maxLength={field.maxLength}
      onChange={(e) => onChange(e.target.value)}
      ref={inputRef}
      {...aria}
    />
  );
}

/** The saved values as the form holds them: numbers in Swedish notation, nothing as "". */
function asFormValues(fields: FieldSpec[], values: EditValues): EditValues {
  return Object.fromEntries(
    fields.map((f) => {
      const v = values[f.name];
      if (v == null) return [f.name, ''];
      return [f.name, typeof v === 'number' ? String(v).replace('.', ',') : v];
    }),
  );
}

/** Text fields hold both versions, the saved one first; choices keep the editor's. */
function merged(fields: FieldSpec[], mine: EditValues, theirs: EditValues): EditValues {
  return Object.fromEntries(
    fields.map((f) => {
      const a = String(mine[f.name] ?? '');
      const b = String(theirs[f.name] ?? '');
      if (f.kind !== 'textarea' || a === b || !a || !b) return [f.name, a || b];
      return [f.name, `${b}\n\n${a}`];
    }),
  );
}

const shown = (field: FieldSpec, value: EditValues[string]) => {
  if (value == null || value === '') return '(tomt)';
  return field.options?.[String(value)] ?? String(value);
};
