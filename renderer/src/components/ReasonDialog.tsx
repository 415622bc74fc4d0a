import { useState } from 'react';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';

/**
 * A decision that needs a reason (rejecting a leave or an overtime request): the person is told and
 * the reason stays on record, so the confirm button stays disabled until one is typed.
 */
export function ReasonDialog(props: {
  title: string;
  /** What is being decided, in one line: who, what, when. */
  summary: string;
  noteLabel: string;
  closeLabel: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: (note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (note.trim() !== '') void props.onConfirm(note);
        }}
      >
        <p>{props.summary}</p>
        <Field label={props.noteLabel} required>
          <input type="text" maxLength={200} value={note} onChange={(event) => setNote(event.target.value)} autoFocus />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>{props.closeLabel}</button>
          <button type="submit" className="primary" disabled={note.trim() === ''}>{props.confirmLabel}</button>
        </div>
      </form>
    </Dialog>
  );
}
