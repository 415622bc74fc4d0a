import type { BoardDay, BoardShift, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { isoWeek } from '../roster/period.ts';
import { dayHeader, rangeLabel } from '../roster/roster-format.ts';
import { namedPageRules, personSheet, windowSheet, type Language, type PrintPersonSheet, type PrintSeat, type PrintWindowSheet, type SheetWords } from './print-model.ts';

export type PrintView = 'window' | 'person';

export interface PrintedScheduleProps {
  board: RosterBoard;
  days: BoardDay[];
  view: PrintView;
  language: Language;
  t: Translate;
}

/**
 * The weekly schedule as it goes on paper: the centre, the week with its day kinds, the table (its
 * header row repeated on every page), the print date and the sign-off lines. The page's own rules
 * (A4 landscape, the centre and week at the top of every page, 第 N 页 / 共 M 页 at the foot) are
 * written here because their text is the centre's and the reader's language.
 */
export function PrintedSchedule({ board, days, view, language, t }: PrintedScheduleProps) {
  const words: SheetWords = {
    shift: (code) => (language === 'zh-CN' ? (board.shifts.find((shift) => shift.code === code)?.name ?? code) : code),
    off: t('print.off'),
    learner: t('print.learner'),
    noWindow: t('print.noWindow'),
    otherPeople: t('print.otherPeople'),
    hallPosts: t('print.hallPosts'),
  };
  const centre = language === 'zh-CN' ? board.centreNameZh : board.centreNameEn;
  const title = t(view === 'window' ? 'print.sheet.window' : 'print.sheet.person');
  const first = days[0]?.date ?? board.summary.from;
  const last = days[days.length - 1]?.date ?? board.summary.to;
  const range = `${t('roster.weekOption', { week: isoWeek(first), range: rangeLabel(first, last, t) })}`;
  const printDate = dateText(board.today, t);
  return (
    <article className="print-document" data-view={view} data-testid="print-document" lang={language}>
      <style>{pageRules(t('print.marginTop', { centre, title, range }), t('print.pageCounter'), t('print.printDate', { date: printDate }))}</style>
      <header className="print-head">
        <h1 className="print-centre">{centre}</h1>
        <p className="print-title">
          <strong>{title}</strong>
          <span>{range}</span>
          <span>{t(`print.status.${board.summary.status}`)}</span>
        </p>
        <p className="print-date">{t('print.printDate', { date: printDate })}</p>
        {board.provisionalYears.length > 0 ? (
          <p className="print-provisional" data-testid="print-provisional">
            <strong>{t('provisional.label')}</strong> {t('provisional.detail', { years: board.provisionalYears.join('、') })}
          </p>
        ) : null}
      </header>
      {view === 'window' ? (
        <WindowTable sheet={windowSheet(board, days, language, words)} t={t} />
      ) : (
        <PersonTable sheet={personSheet(board, days, language, words)} t={t} />
      )}
    </article>
  );
}

/** The rules of the printed page; named, so another area's plain @page cannot override them. */
export function pageRules(top: string, counter: string, printDate: string): string {
  return namedPageRules({ name: 'roster-sheet', size: 'A4 landscape', margin: '13mm 8mm 12mm 8mm', top, counter, printDate });
}

export function dateText(date: string, t: Translate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return t('print.date', { year, month, day });
}

/** The day's kind under its date: a holiday's name, 调休上班, 休息日; nothing on a plain workday. */
export function dayKindText(day: BoardDay, t: Translate): string {
  if (day.kind === 'holiday') return day.holidayName ?? t('print.day.holiday');
  if (day.kind === 'makeup') return day.holidayName ? `${t('print.day.makeup')}（${day.holidayName}）` : t('print.day.makeup');
  if (day.kind === 'restday') return t('print.day.rest');
  return '';
}

/**
 * The legend and the sign-off (制表 / 审核 / 日期) as the table's last row: a row is never cut in two,
 * so the client signs on the page where the schedule ends, not on a page of its own.
 */
function SignOffRow({ width, t }: { width: number; t: Translate }) {
  return (
    <tbody className="print-closing">
      <tr className="signoff-row">
        <td colSpan={width}>
          <p className="print-legend">{t('print.legend')}</p>
          <div className="print-signoff" data-testid="print-signoff">
            <span>{t('print.signoff.maker')}<span className="signoff-line" /></span>
            <span>{t('print.signoff.reviewer')}<span className="signoff-line" /></span>
            <span>{t('print.signoff.date')}<span className="signoff-line" /></span>
          </div>
        </td>
      </tr>
    </tbody>
  );
}

function DayHeads(props: { days: BoardDay[]; span: number; closed: readonly string[]; t: Translate }) {
  return (
    <>
      {props.days.map((day) => {
        const closed = props.closed.includes(day.date);
        return (
          <th key={day.date} colSpan={closed ? 1 : props.span} rowSpan={closed && props.span > 0 ? 2 : 1} className={`day-head day-${day.kind}${closed ? ' day-closed' : ''}`} data-date={day.date}>
            <span className="day-date">{dayHeader(day.date, props.t)}</span>
            <span className="day-kind">{dayKindText(day, props.t) || '\u00a0'}</span>
          </th>
        );
      })}
    </>
  );
}

/** A shift's name and its times, so the sheet on the wall says when each column starts and ends. */
function ShiftHead({ shift }: { shift: BoardShift }) {
  return (
    <th className="shift-head">
      <span className="shift-name">{shift.name}</span>
      <span className="shift-times">{shift.start}–{shift.end}</span>
    </th>
  );
}

function Seat({ seat, t }: { seat: PrintSeat; t: Translate }) {
  return (
    <span className={seat.learner ? 'seat seat-learner' : 'seat'}>
      <span className="seat-name">{seat.name}</span>
      {seat.role ? <b className="seat-role">({seat.role})</b> : null}
      {seat.learner ? <i className="seat-note">{t('print.learner')}</i> : null}
    </span>
  );
}

function WindowTable({ sheet, t }: { sheet: PrintWindowSheet; t: Translate }) {
  const span = sheet.shifts.length;
  const width = 1 + sheet.columns.length;
  if (sheet.zones.every((zone) => zone.rows.length === 0)) return <p className="print-empty">{t('print.empty')}</p>;
  const daySpan = (date: string) => (sheet.closed.includes(date) ? 1 : span);
  return (
    <table className="print-table print-by-window">
      <colgroup>
        <col className="col-label" />
        {sheet.columns.map((column, index) => (
          <col
            key={`${column.date}|${column.shiftCode}`}
            className={[index === 0 || sheet.columns[index - 1]!.date !== column.date ? 'col-day-start' : '', column.shiftCode === null ? 'col-closed' : ''].join(' ').trim() || undefined}
          />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th rowSpan={2} className="corner">{t('print.col.window')}</th>
          <DayHeads days={sheet.days} span={span} closed={sheet.closed} t={t} />
        </tr>
        <tr>
          {sheet.columns.flatMap((column) => {
            const shift = sheet.shifts.find((candidate) => candidate.code === column.shiftCode);
            return shift ? [<ShiftHead key={`${column.date}|${column.shiftCode}`} shift={shift} />] : [];
          })}
        </tr>
      </thead>
      {sheet.zones.map((zone) => (
        <tbody key={zone.zoneId ?? 'others'} data-zone={zone.zoneId ?? ''}>
          <tr className="zone-row">
            <th colSpan={width} scope="rowgroup">{zone.name}</th>
          </tr>
          {zone.rows.map((row) => (
            <tr key={row.key} className="seat-row">
              <th scope="row" className="row-label">
                <span className="row-code">{row.label}</span>
                <span className="row-detail">{row.detail}</span>
              </th>
              {row.seats.map((seats, index) => (
                <td key={index} className={sheet.columns[index]?.shiftCode === null ? 'closed-cell' : undefined}>
                  {seats.map((seat) => (
                    <Seat key={seat.staffId} seat={seat} t={t} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
          {zone.away.some((lines) => lines.length > 0) ? (
            <tr className="away-row">
              <th scope="row" className="row-label">{t('print.away')}</th>
              {zone.away.map((lines, index) => (
                <td key={index} colSpan={daySpan(sheet.days[index]!.date)}>
                  {lines.map((line) => (
                    <span key={line} className="away-line">{line}</span>
                  ))}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      ))}
      <SignOffRow width={width} t={t} />
    </table>
  );
}

function PersonTable({ sheet, t }: { sheet: PrintPersonSheet; t: Translate }) {
  const width = 3 + sheet.days.length;
  if (sheet.blocks.length === 0) return <p className="print-empty">{t('print.empty')}</p>;
  return (
    <table className="print-table print-by-person">
      <colgroup>
        <col className="col-name" />
        <col className="col-no" />
        {sheet.days.map((day) => (
          <col key={day.date} className={sheet.closed.includes(day.date) ? 'col-closed' : undefined} />
        ))}
        <col className="col-hours" />
      </colgroup>
      <thead>
        <tr>
          <th className="corner">{t('print.col.person')}</th>
          <th className="corner">{t('print.col.employeeNo')}</th>
          <DayHeads days={sheet.days} span={1} closed={[]} t={t} />
          <th className="corner">{t('print.col.hours')}</th>
        </tr>
      </thead>
      {sheet.blocks.map((block) => (
        <tbody key={block.zoneId ?? 'others'}>
          <tr className="zone-row">
            <th colSpan={width} scope="rowgroup">{block.name}</th>
          </tr>
          {block.people.map((person) => (
            <tr key={person.staffId} className="person-row">
              <th scope="row" className="row-label">{person.name}</th>
              <td className="employee-no">{person.employeeNo}</td>
              {person.days.map((lines, index) => (
                <td key={index} className={lines.length === 1 && lines[0] === t('print.off') ? 'day-off' : undefined}>
                  {lines.map((line, lineIndex) => (
                    <span key={lineIndex} className="day-line">{line}</span>
                  ))}
                </td>
              ))}
              <td className="hours">{hoursText(person.minutes)}</td>
            </tr>
          ))}
        </tbody>
      ))}
      <SignOffRow width={width} t={t} />
    </table>
  );
}

function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1);
}
