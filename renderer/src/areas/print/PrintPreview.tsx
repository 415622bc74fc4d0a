import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { rangeLabel } from '../roster/roster-format.ts';
import { PrintedSchedule, type PrintView } from './PrintedSchedule.tsx';
import { pdfFileName, printWeeks } from './print-model.ts';
import './print.css';

export interface PrintPreviewProps {
  board: RosterBoard;
  onClose: () => void;
}

type Outcome = { text: string; tone: 'ok' | 'error' } | null;

/**
 * The weekly schedule as printed (by window, or per person), with print and save-as-PDF. A
 * full-screen layer of its own on <body>, so that on paper it is the only thing left (print.css);
 * the app behind it is inert while it is open, and Esc closes it.
 */
export function PrintPreview({ board, onClose }: PrintPreviewProps) {
  const { t, language } = useI18n();
  const [view, setView] = useState<PrintView>('window');
  const weeks = useMemo(() => printWeeks(board.days), [board.days]);
  const [weekIndex, setWeekIndex] = useState(() => Math.max(0, weeks.findIndex((week) => week.some((day) => day.date >= board.today))));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const days = weeks[weekIndex] ?? weeks[0] ?? [];

  useAppInert();
  useEffect(() => closeButton.current?.focus(), []);
  useEscapeToClose(onClose);

  const print = async (action: 'print' | 'pdf') => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const fileTitle = t(view === 'window' ? 'print.fileTitle.window' : 'print.fileTitle.person');
      const result = await window.api.print({ action, fileName: pdfFileName(fileTitle, days) });
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
    <div
      className="print-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
    >
      <div className="print-toolbar">
        <h2 id={titleId}>{t('print.title')}</h2>
        <fieldset className="print-choice">
          <legend className="visually-hidden">{t('print.view')}</legend>
          {(['window', 'person'] as const).map((choice) => (
            <label key={choice}>
              <input type="radio" name="print-view" checked={view === choice} onChange={() => setView(choice)} />
              {t(`print.view.${choice}`)}
            </label>
          ))}
        </fieldset>
        {weeks.length > 1 ? (
          <label className="print-week">
            {t('print.week')}
            <select value={weekIndex} onChange={(event) => setWeekIndex(Number(event.target.value))}>
              {weeks.map((week, index) => (
                <option key={week[0]?.date ?? index} value={index}>
                  {t('print.weekOption', { n: index + 1, range: rangeLabel(week[0]?.date ?? '', week[week.length - 1]?.date ?? '', t) })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
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
      <div className="print-paper">
        <PrintedSchedule board={board} days={days} view={view} language={language} t={t} />
      </div>
    </div>,
    document.body,
  );
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
