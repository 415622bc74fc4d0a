/** The board by person, in ag-grid: people down, the roster's days across, each cell that day's duties. */
import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellKeyDownEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import type { BoardDay, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';
import { breachState, breachText, cellEditable, dayEditable, dayMark, hoursText, type PersonRow } from './board-model.ts';
import type { BoardNames } from './board-names.ts';
import { boardKeyOf, suppressBoardKeys, type FocusRequest, type GridKey } from './board-keys.ts';

const gridTheme = appGridTheme(12);

export interface PersonCellRef {
  view: 'person';
  rowIndex: number;
  staffId: number;
  date: string;
}

interface CellContext {
  names: BoardNames;
  board: RosterBoard;
}

/** Words of a person's day for the title and screen readers: duties, leave, breaches. */
export function personDayDescription(row: PersonRow, date: string, names: BoardNames): string {
  const day = row.days[date];
  if (!day) return '';
  const { t, language } = names;
  const duties = day.duties.map((duty) => `${names.shift(duty.shiftCode)} ${duty.windowId !== null ? `${names.windowCode(duty.windowId)} ` : ''}${names.post(duty.postId)}${duty.learner ? ` ${t('roster.learner')}` : ''}${duty.pinned ? ` ${t('board.pinned')}` : ''}`);
  const absences = day.absences.map((absence) => `${absence.shiftCode ? `${names.shift(absence.shiftCode)} ` : ''}${language === 'zh-CN' ? absence.labelZh : absence.labelEn}`);
  const breaches = day.breaches.map((breach) => `${breach.override ? t('board.overridden') : t('board.breach')}：${breachText(breach, language, t('board.overridden'))}`);
  return [...duties, ...absences, ...breaches].join('；');
}

function PersonDayCell(props: ICellRendererParams<PersonRow> & { context: CellContext }) {
  const date = props.column?.getColId() ?? '';
  const day = props.data?.days[date];
  if (!day || !props.data) return null;
  const { names } = props.context;
  const description = personDayDescription(props.data, date, names);
  return (
    <span className="board-cell" title={description} aria-label={`${props.data.name} ${names.day(date)}：${description || names.t('board.off')}`}>
      {day.duties.map((duty) => (
        <span key={duty.shiftCode} className={`duty duty-${duty.shiftCode}${duty.learner ? ' duty-learner' : ''}`}>
          {duty.windowId !== null ? names.windowCode(duty.windowId) : names.postShort(duty.postId)}
          <span className="duty-shifts"> {names.shift(duty.shiftCode)}</span>
          {duty.learner ? <span className="learner-tag">{names.t('roster.learner')}</span> : null}
          {duty.pinned ? <span className="pin-mark" aria-hidden="true">📌</span> : null}
        </span>
      ))}
      {day.absences.map((absence, index) => (
        <span key={`absence-${index}`} className={`absence-tag absence-${absence.source}`}>
          {absence.shiftCode ? `${names.shift(absence.shiftCode)} ` : ''}
          {names.language === 'zh-CN' ? absence.labelZh : absence.labelEn}
        </span>
      ))}
      {day.breaches.length > 0 ? <span className="breach-mark" aria-hidden="true">!</span> : null}
    </span>
  );
}

function dayClass(day: BoardDay, board: RosterBoard) {
  return (params: CellClassParams<PersonRow>) => {
    const classes = ['day-cell', `day-${day.kind}`];
    if (!dayEditable(board, day.date)) classes.push('day-history');
    const state = breachState(params.data?.days[day.date]?.breaches ?? []);
    if (state !== 'clean') classes.push(`cell-${state}`);
    return classes;
  };
}

/** Another zone's person, or a duty at another zone's post: a lead sees it, but may not change it. */
function lockedDay(day: BoardDay, board: RosterBoard) {
  return (params: CellClassParams<PersonRow>) =>
    params.data !== undefined && dayEditable(board, day.date) && !cellEditable(board, { date: day.date, staffId: params.data.staffId }, params.data.days[day.date]?.duties ?? []);
}

export function BoardPersonGrid(props: {
  board: RosterBoard;
  rows: PersonRow[];
  names: BoardNames;
  focus: FocusRequest | null;
  onFocusCell: (cell: PersonCellRef | null) => void;
  onKey: (key: GridKey, cell: PersonCellRef) => void;
  onOpenCell: (cell: PersonCellRef) => void;
}) {
  const { board, names } = props;
  const { t } = names;
  const ref = useRef<AgGridReact<PersonRow>>(null);
  const columns = useMemo<ColDef<PersonRow>[]>(() => {
    const words = { rest: t('board.day.rest'), makeup: t('board.day.makeup'), holiday: t('board.day.holiday') };
    return [
      { colId: 'name', field: 'name', headerName: t('board.col.name'), pinned: 'left', width: 84, tooltipValueGetter: (p) => (p.data ? p.data.weekBreaches.map((b) => breachText(b, names.language, t('board.overridden'))).join('；') || null : null), cellClass: (p) => (breachState(p.data?.weekBreaches ?? []) === 'clean' ? '' : `cell-${breachState(p.data?.weekBreaches ?? [])}`) },
      { colId: 'employeeNo', field: 'employeeNo', headerName: t('board.col.employeeNo'), pinned: 'left', width: 74, cellClass: 'muted-cell' },
      {
        colId: 'hours',
        headerName: t('board.col.hours'),
        pinned: 'left',
        width: 104,
        type: 'numericColumn',
        valueGetter: (p) => (p.data ? p.data.minutes : 0),
        valueFormatter: (p) => (p.data ? (p.data.maxMinutes ? t('board.hoursOfMax', { hours: hoursText(p.data.minutes), max: hoursText(p.data.maxMinutes) }) : t('board.hoursOf', { hours: hoursText(p.data.minutes) })) : ''),
        cellClass: (p) => (p.data?.maxMinutes && p.data.minutes > p.data.maxMinutes ? 'hours-over' : 'hours-cell'),
      },
      ...board.days.map((day): ColDef<PersonRow> => {
        const mark = dayMark(day, words);
        return {
          colId: day.date,
          headerName: mark ? `${names.dayHeader(day.date)} ${mark}` : names.dayHeader(day.date),
          headerTooltip: `${names.day(day.date)}${mark ? ` ${mark}` : ''}${dayEditable(board, day.date) ? '' : t('board.day.history')}`,
          headerClass: `day-head day-head-${day.kind}`,
          width: 150,
          sortable: false,
          valueGetter: (p) => (p.data ? personDayDescription(p.data, day.date, names) : ''),
          cellRenderer: PersonDayCell,
          cellClass: dayClass(day, board),
          // A rule, not a class: the grid takes it off again when the row's data changes.
          cellClassRules: { 'cell-locked': lockedDay(day, board) },
        };
      }),
    ];
  }, [board, names, t]);

  useEffect(() => {
    const api = ref.current?.api;
    if (!api || !props.focus) return;
    api.ensureIndexVisible(props.focus.rowIndex);
    api.setFocusedCell(props.focus.rowIndex, props.focus.colId);
  }, [props.focus]);

  const cellOf = (rowIndex: number | null, colId: string | undefined, data: PersonRow | undefined): PersonCellRef | null =>
    rowIndex !== null && data && colId && /^\d{4}-/.test(colId) ? { view: 'person', rowIndex, staffId: data.staffId, date: colId } : null;

  return (
    <div className="grid-frame board-grid board-person-grid roster-grid" role="region" aria-label={t('board.view.person')}>
      <AgGridReact<PersonRow>
        ref={ref}
        theme={gridTheme}
        rowData={props.rows}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: true, suppressKeyboardEvent: suppressBoardKeys }}
        getRowId={(p) => String(p.data.staffId)}
        context={{ names, board } satisfies CellContext}
        localeText={gridLocaleText(names.language)}
        rowHeight={30}
        animateRows={false}
        tooltipShowDelay={300}
        onCellFocused={(event) => {
          const column = typeof event.column === 'object' && event.column ? event.column.getColId() : undefined;
          const row = event.rowIndex === null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex)?.data;
          props.onFocusCell(cellOf(event.rowIndex, column, row));
        }}
        onCellDoubleClicked={(event) => {
          const cell = cellOf(event.rowIndex, event.column.getColId(), event.data);
          if (cell) props.onOpenCell(cell);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<PersonRow>) => {
          const key = boardKeyOf(event.event as KeyboardEvent | null | undefined);
          const cell = cellOf(event.rowIndex, event.column.getColId(), event.data);
          if (key && cell) {
            event.event?.preventDefault();
            props.onKey(key, cell);
          }
        }}
      />
    </div>
  );
}
