import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { removeEdit, useOutboxEdit, type OutboxEdit } from '../../pwa/outbox';
import { dateTime } from '../../ui/format';
import { draftKey, hasDraft } from './draft-key';
import type { EditableTypename, EditValues } from './edit-kinds';

// The editing code is its own chunk (edit-*): readers never download it.
const EditForm = lazy(() => import('./edit-form'));

export interface EditInPlaceProps {
  typename: EditableTypename;
  id: string;
  version: number;
  values: EditValues;
  canEdit: boolean;
  /** What to call the record on the button, for screen readers: "Ändra uppföljningen 2025". */
  label: string;
  /** The text as readers see it; replaced by the form while editing. */
  children: ReactNode;
}

/** Shows the text, and for someone allowed to change it an "Ändra" button that edits it in place. */
export function EditInPlace({ typename, id, version, values, canEdit, label, children }: EditInPlaceProps) {
  // An editor with an unsaved draft on this device opens again by itself.
  const [editing, setEditing] = useState<false | 'edit' | 'resave'>(() =>
    canEdit && hasDraft(typename, id) ? 'edit' : false,
  );
  const waiting = useOutboxEdit(typename, id);
  const button = useRef<HTMLButtonElement>(null);
  if (!canEdit && !waiting) return <>{children}</>;
  if (editing) {
    return (
      <Suspense fallback={<p aria-live="polite">Laddar redigering…</p>}>
        <EditForm
          typename={typename}
          id={id}
          version={version}
          values={values}
          label={label}
          resave={editing === 'resave'}
          onClose={() => {
            setEditing(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      </Suspense>
    );
  }

  /** The waiting edit goes back into the form as a draft from its own version. */
  async function resolve(edit: OutboxEdit) {
    localStorage.setItem(
      draftKey(typename, id),
      JSON.stringify({ version: edit.input.version, values: edit.values, at: edit.createdAt }),
    );
    await removeEdit(edit.key);
    setEditing('resave');
  }

  return (
    <>
      {children}
      {waiting ? (
        <WaitingEdit edit={waiting} onResolve={canEdit ? () => void resolve(waiting) : undefined} />
      ) : (
        <button ref={button} type="button" className="button secondary" onClick={() => setEditing('edit')}>
          Ändra <span className="visually-hidden">{label}</span>
        </button>
      )}
    </>
  );
}

/** An edit made offline: waiting to be sent, or back with a conflict or a refusal. */
function WaitingEdit({ edit, onResolve }: { edit: OutboxEdit; onResolve?: () => void }) {
  const made = `Ändring gjord ${dateTime(edit.createdAt)}`;
  if (edit.state === 'pending') {
    return (
      <div className="notice pending" role="status">
        <p>
          <strong>Väntar på uppkoppling.</strong> {made} sparas när enheten är online igen.
        </p>
        <p className="muted">{edit.summary}</p>
      </div>
    );
  }
  return (
    <div className="notice" role="alert">
      <p>
        <strong>
          {edit.state === 'conflict' ? 'Krock med en annan ändring.' : 'Ändringen sparades inte.'}
        </strong>{' '}
        {made}: {edit.problem}
      </p>
      <p className="muted">{edit.summary}</p>
      <div className="actions">
        {onResolve && (
          <button type="button" className="button" onClick={onResolve}>
            {edit.state === 'conflict' ? 'Lös krocken' : 'Öppna ändringen igen'}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => void removeEdit(edit.key)}>
          Släng ändringen
        </button>
      </div>
    </div>
  );
}
