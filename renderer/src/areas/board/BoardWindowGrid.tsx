/**
 * The board by window, in ag-grid: windows grouped by zone down, days × shifts across; each cell the
 * people seated there with the window's A and B marked; a coverage row per zone closes each group.
 */
import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellKeyDownEvent, ColDef, ColGroupDef, ICellRendererParams } from 'ag-grid-community';
import type { BoardClosedWindow, BoardDuty, BoardZoneCoverage, RosterBoard } from '../../../../electron/contract/areas/board.ts';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';
import {
  abMark,
  breachState,
  breachText,
  cellEditable,
  coverageState,
  dayEditable,
  dayMark,
  localName,
  parseSlotColumnId,
  seatBreaches,
  seatDuties,
  shownShifts,
  slotColumnId,
  type SeatRow,
  type WindowRow,
} from './board-model.ts';
import type { BoardNames } from './board-names.ts';
import { boardKeyOf, suppressBoardKeys, type FocusRequest, type GridKey } from './board-keys.ts';

const gridTheme = appGridTheme(12);

export interface WindowCellRef {
  view: 'window';
  rowIndex: number;
  row: SeatRow;
  date: string;
  shiftCode: string;
}

interface CellContext {
  names: BoardNames;
  board: RosterBoard;
  slots: Map<string, BoardDuty[]>;
  coverage: Map<string, BoardZoneCoverage>;
  /** windowId|date|shift → why the forecast leaves that window closed. */
  closed: Map<string, BoardClosedWindow>;
}

function closedKey(windowId: number, date: string, shiftCode: string): string {
  return `${windowId}|${date}|${shiftCode}`;
}

function seatDescription(row: SeatRow, date: string, shiftCode: string, context: CellContext): { seated: BoardDuty[]; text: string; state: ReturnType<typeof breachState> } {
  const { names, board } = context;
  const seated = seatDuties(context.slots, row, date, shiftCode);
  const breaches = seatBreaches(board.breaches, row, seated, date, shiftCode);
  const people = seated.map((duty) => {
    const mark = abMark(row, duty.staffId);
    return `${names.person(duty.staffId)}${mark ? `(${mark})` : ''}${duty.learner ? ` ${names.t('roster.learner')}` : ''}${duty.pinned ? ` ${names.t('board.pinned')}` : ''}`;
  });
  const problems = breaches.map((breach) => `${breach.override ? names.t('board.overridden') : names.t('board.breach')}：${breachText(breach, names.language, names.t('board.overridden'))}`);
  return { seated, text: [...people, ...problems].join('；'), state: breachState(breaches) };
}

function coverageOf(row: WindowRow, colId: string, context: CellContext): BoardZoneCoverage | undefined {
  return context.coverage.get(`${row.zoneId}|${colId}`);
}

function SlotCell(props: ICellRendererParams<WindowRow> & { context: CellContext }) {
  const row = props.data;
  const colId = props.column?.getColId() ?? '';
  const slot = parseSlotColumnId(colId);
  if (!row || !slot || row.kind === 'zone') return null;
  const { names } = props.context;
  if (row.kind === 'coverage') {
    const cell = coverageOf(row, colId, props.context);
    if (!cell) return null;
    const state = coverageState(cell.rostered, cell.required);
    const context: CellContext = props.context;
    const zone = context.board.zones.find((candidate) => candidate.id === row.zoneId);
    const title =
      names.t('board.coverage.title', { zone: zone ? localName(zone, names.language) : '', day: names.day(slot.date), shift: names.shift(slot.shiftCode), rostered: cell.rostered, required: cell.required }) +
      (cell.withoutBackup > 0 ? names.t('board.coverage.noBackup', { n: cell.withoutBackup }) : '');
    return (
      <span className={`coverage-chip cov-${state}${cell.withoutBackup > 0 ? ' no-backup' : ''}`} data-state={state} title={title} aria-label={title}>
        {state === 'none' ? '—' : names.t('board.coverage.cell', { rostered: cell.rostered, required: cell.required })}
      </span>
    );
  }
  const { seated, text } = seatDescription(row, slot.date, slot.shiftCode, props.context);
  const closed = seated.length === 0 && row.windowId !== null ? props.context.closed.get(closedKey(row.windowId, slot.date, slot.shiftCode)) : undefined;
  if (closed) {
    const reason = names.language === 'zh-CN' ? closed.reasonZh : closed.reasonEn;
    return (
      <span className="board-cell seat-closed" title={reason} aria-label={`${row.label} ${names.day(slot.date)} ${names.shift(slot.shiftCode)}：${names.t('board.closed')}，${reason}`}>
        {names.t('board.closed')}
      </span>
    );
  }
  return (
    <span className="board-cell" title={text} aria-label={`${row.label} ${names.day(slot.date)} ${names.shift(slot.shiftCode)}：${text || names.t('board.off')}`}>
      {seated.map((duty) => {
        const mark = abMark(row, duty.staffId);
        return (
          <span key={duty.staffId} className={`seat-person${duty.learner ? ' duty-learner' : ''}`}>
            {mark ? <span className={`ab-mark ab-${mark}`}>{mark}</span> : null}
            {names.person(duty.staffId)}
            {duty.learner ? <span className="learner-tag">{names.t('roster.learner')}</span> : null}
            {duty.pinned ? <span className="pin-mark" aria-hidden="true">📌</span> : null}
          </span>
        );
      })}
    </span>
  );
}

export function BoardWindowGrid(props: {
  board: RosterBoard;
  rows: WindowRow[];
  slots: Map<string, BoardDuty[]>;
  coverage: Map<string, BoardZoneCoverage>;
  names: BoardNames;
  focus: FocusRequest | null;
  onFocusCell: (cell: WindowCellRef | null) => void;
  onKey: (key: GridKey, cell: WindowCellRef) => void;
  onOpenCell: (cell: WindowCellRef) => void;
}) {
  const { board, names } = props;
  const { t } = names;
  const ref = useRef<AgGridReact<WindowRow>>(null);
  const context = useMemo<CellContext>(
    () => ({ names, board, slots: props.slots, coverage: props.coverage, closed: new Map(board.closedWindows.map((entry) => [closedKey(entry.windowId, entry.date, entry.shiftCode), entry])) }),
    [names, board, props.slots, props.coverage],
  );
  const columns = useMemo<(ColDef<WindowRow> | ColGroupDef<WindowRow>)[]>(() => {
    const words = { rest: t('board.day.rest'), makeup: t('board.day.makeup'), holiday: t('board.day.holiday') };
    const shifts = shownShifts(board);
    return [
      {
        colId: 'window',
        headerName: t('board.col.window'),
        pinned: 'left',
        width: 96,
        valueGetter: (p) => p.data?.label ?? '',
        cellClass: (p) => `row-label row-label-${p.data?.kind ?? ''}`,
      },
      {
        colId: 'post',
        headerName: t('board.col.post'),
        pinned: 'left',
        width: 112,
        valueGetter: (p) => (p.data?.kind === 'seat' ? p.data.postName : ''),
        tooltipValueGetter: (p) => (p.value ? String(p.value) : null),
        cellClass: 'muted-cell',
      },
      ...board.days.map((day): ColGroupDef<WindowRow> => {
        const mark = dayMark(day, words);
        return {
          groupId: day.date,
          headerName: mark ? `${names.dayHeader(day.date)} ${mark}` : names.dayHeader(day.date),
          headerClass: `day-head day-head-${day.kind}`,
          children: shifts.map((shift): ColDef<WindowRow> => {
            const colId = slotColumnId(day.date, shift.code);
            return {
              colId,
              headerName: names.shift(shift.code),
              headerTooltip: `${names.day(day.date)} ${names.shift(shift.code)} ${shift.start}–${shift.end}`,
              headerClass: `day-head-${day.kind}`,
              width: 104,
              sortable: false,
              valueGetter: (p) => (p.data?.kind === 'seat' ? seatDescription(p.data, day.date, shift.code, context).text : ''),
              cellRenderer: SlotCell,
              cellClass: (params: CellClassParams<WindowRow>) => {
                const classes = ['day-cell', `day-${day.kind}`];
                if (shift === shifts[0]) classes.push('day-first');
                if (!dayEditable(board, day.date)) classes.push('day-history');
                if (params.data?.kind === 'seat') {
                  const state = seatDescription(params.data, day.date, shift.code, context).state;
                  if (state !== 'clean') classes.push(`cell-${state}`);
                }
                return classes;
              },
              // A rule, not a class: the grid takes it off again when the row's data changes.
              cellClassRules: {
                'cell-locked': (params: CellClassParams<WindowRow>) =>
                  params.data?.kind === 'seat' && dayEditable(board, day.date) && !cellEditable(board, { date: day.date, postId: params.data.postId }, seatDescription(params.data, day.date, shift.code, context).seated),
              },
            };
          }),
        };
      }),
    ];
  }, [board, names, t, context]);

  useEffect(() => {
    const api = ref.current?.api;
    if (!api || !props.focus) return;
    api.ensureIndexVisible(props.focus.rowIndex);
    api.setFocusedCell(props.focus.rowIndex, props.focus.colId);
  }, [props.focus]);

  const cellOf = (rowIndex: number | null, colId: string | undefined, data: WindowRow | undefined): WindowCellRef | null => {
    const slot = colId ? parseSlotColumnId(colId) : null;
    return rowIndex !== null && slot && data?.kind === 'seat' ? { view: 'window', rowIndex, row: data, ...slot } : null;
  };

  return (
    <div className="grid-frame board-grid board-window-grid" role="region" aria-label={t('board.view.window')}>
      <AgGridReact<WindowRow>
        ref={ref}
        theme={gridTheme}
        rowData={props.rows}
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: false, suppressKeyboardEvent: suppressBoardKeys }}
        getRowId={(p) => p.data.id}
        getRowClass={(p) => `board-row-${p.data?.kind ?? 'seat'}`}
        context={context}
        localeText={gridLocaleText(names.language)}
        rowHeight={30}
        getRowHeight={(p) => (p.data?.kind === 'zone' ? 26 : 30)}
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
        onCellKeyDown={(event: CellKeyDownEvent<WindowRow>) => {
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
