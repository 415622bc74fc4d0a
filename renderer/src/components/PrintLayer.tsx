import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/i18n.tsx';
import '../areas/print/print.css';

export interface PrintLayerProps {
  title: string;
  /** The name a saved PDF is offered under. */
  fileName: string;
  /** The sheet of paper on screen: the document's own @page decides on paper. */
  orientation: 'landscape' | 'portrait';
  /** Choices of the document (view, week) shown in the toolbar before the buttons. */
  controls?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}

type Outcome = { text: string; tone: 'ok' | 'error' } | null;

/**
 * A document as printed, with print and save-as-PDF: a full-screen layer of its own on <body>, so
 * that on paper it is the only thing left (print.css); the app behind it is inert while it is open,
 * and Esc closes it. The weekly schedule and the monthly reports print through it.
 */
export function PrintLayer({ title, fileName, orientation, controls, onClose, children }: PrintLayerProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);

  useAppInert();
  useEffect(() => closeButton.current?.focus(), []);
  useEscapeToClose(onClose);

  const print = async (action: 'print' | 'pdf') => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await window.api.print({ action, fileName: safeFileName(fileName) });
      if (!result.done) setOutcome({ text: t('print.cancelled'), tone: 'ok' });
      else if (result.path) setOutcome({ text: t('print.saved', { path: result.path }), tone: 'ok' });
      else if (window.api.host === 'electron') setOutcome({ text: t('print.printed'), tone: 'ok' });
    } catch (caught) {
      setOutcome({ text: t('print.failed', { message: caught instanceof Error ? caught.message : String(caught) }), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div className="print-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div className="print-toolbar">
        <h2 id={titleId}>{title}</h2>
        {controls}
        <span className="print-spacer" />
        <span className={outcome?.tone === 'error' ? 'print-outcome notice-error' : 'print-outcome'} role="status" aria-live="polite">
          {busy ? t('print.printing') : (outcome?.text ?? t('print.hint'))}
        </span>
        <button type="button" className="primary" onClick={() => void print('print')} disabled={busy}>
          {t('print.print')}
        </button>
        <button type="button" onClick={() => void print('pdf')} disabled={busy}>
          {t('print.pdf')}
        </button>
        <button type="button" ref={closeButton} onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <div className={orientation === 'portrait' ? 'print-paper print-paper-portrait' : 'print-paper'}>{children}</div>
    </div>,
    document.body,
  );
}

/** A PDF's name without the characters a file system refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}

/** The app under the layer takes no focus and no clicks while the layer is open. */
function useAppInert(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    if (!root) return;
    const before = root.inert;
    root.inert = true;
    return () => {
      root.inert = before;
    };
  }, []);
}

/** Esc closes the layer wherever focus is, even on <body> after the print dialog took it away. */
function useEscapeToClose(onClose: () => void): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
