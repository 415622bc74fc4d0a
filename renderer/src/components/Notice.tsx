/** One line of feedback after an action; announced politely to screen readers. */
export function Notice(props: { text: string | null; tone?: 'ok' | 'error' }) {
  return (
    <div className={`notice notice-${props.tone ?? 'ok'}`} role="status" aria-live="polite">
      {props.text ?? ''}
    </div>
  );
}
