import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { hasDraft } from './draft-key';
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
  const [editing, setEditing] = useState(() => canEdit && hasDraft(typename, id));
  const button = useRef<HTMLButtonElement>(null);
  if (!canEdit) return <>{children}</>;
  if (editing) {
    return (
      <Suspense fallback={<p aria-live="polite">Laddar redigering…</p>}>
        <EditForm
          typename={typename}
          id={id}
          version={version}
          values={values}
          label={label}
          onClose={() => {
            setEditing(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      </Suspense>
    );
  }
  return (
    <>
      {children}
      <button ref={button} type="button" className="button secondary" onClick={() => setEditing(true)}>
        Ändra <span className="visually-hidden">{label}</span>
      </button>
    </>
  );
}
