import { useMemo, useState } from 'react';
import { PrintLayer } from '../../components/PrintLayer.tsx';
import type { RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { rangeLabel } from '../roster/roster-format.ts';
import { PrintedSchedule, type PrintView } from './PrintedSchedule.tsx';
import { pdfFileName, printWeeks } from './print-model.ts';

export interface PrintPreviewProps {
  board: RosterBoard;
  onClose: () => void;
}

/** The weekly schedule as printed, by window or per person, a week at a time. */
export function PrintPreview({ board, onClose }: PrintPreviewProps) {
  const { t, language } = useI18n();
  const [view, setView] = useState<PrintView>('window');
  const weeks = useMemo(() => printWeeks(board.days), [board.days]);
  const [weekIndex, setWeekIndex] = useState(() => Math.max(0, weeks.findIndex((week) => week.some((day) => day.date >= board.today))));
  const days = weeks[weekIndex] ?? weeks[0] ?? [];
  const fileTitle = t(view === 'window' ? 'print.fileTitle.window' : 'print.fileTitle.person');

  const controls = (
    <>
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
    </>
  );

  return (
    <PrintLayer title={t('print.title')} fileName={pdfFileName(fileTitle, days)} orientation="landscape" controls={controls} onClose={onClose}>
      <PrintedSchedule board={board} days={days} view={view} language={language} t={t} />
    </PrintLayer>
  );
}
