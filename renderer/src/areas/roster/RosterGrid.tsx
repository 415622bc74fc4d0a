/** The roster in ag-grid: people down, the period's days across, each cell that day's posts and shifts. */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { weekdayIndex } from './period.ts';
import { dayHeader, dayLabel } from './roster-format.ts';
import { dutyGroups, type Duty, type RosterRow } from './roster-view.ts';

const gridTheme = appGridTheme(12);

export interface DutyNames {
  post: (postId: number) => string;
  /** Short where the post is in the same zone as `homePostId` (the row's main post), full elsewhere. */
  postBeside: (postId: number, homePostId: number) => string;
  shift: (shiftCode: string) => string;
  /** A shift as a day cell has room for it: the name in Chinese, the code (AM, PM) in English. */
  shiftShort: (shiftCode: string) => string;
}

/** "税务收件 上午·下午", with 跟岗 for a learner beside a mentor. */
export function dutyText(duties: readonly Duty[], names: DutyNames, learnerTag: string): string {
  return dutyGroups(duties)
    .map((group) => `${names.post(group.postId)} ${group.shiftCodes.map(names.shift).join('·')}${group.learner ? ` ${learnerTag}` : ''}`)
    .join(' / ');
}

function DutyCell(props: ICellRendererParams<RosterRow> & { names: DutyNames; learnerTag: string }) {
  const date = props.column?.getColId() ?? '';
  const duties = props.data?.days[date] ?? [];
  return (
    <span className="duty-cell">
      {dutyGroups(duties).map((group, index) => (
        <span key={index} className={`duty duty-${group.shiftCodes[0] ?? ''}${group.learner ? ' duty-learner' : ''}`}>
          {props.names.postBeside(group.postId, props.data?.mainPostId ?? group.postId)} <span className="duty-shifts">{group.shiftCodes.map(props.names.shiftShort).join('·')}</span>
          {group.learner ? <span className="learner-tag">{props.learnerTag}</span> : null}
        </span>
      ))}
    </span>
  );
}

export function RosterGrid(props: { rows: RosterRow[]; dates: string[]; names: DutyNames }) {
  const { t, language } = useI18n();
  const { names } = props;
  const columns = useMemo<ColDef<RosterRow>[]>(() => {
    const learnerTag = t('roster.learner');
    const month = props.dates.length > 7;
    return [
      { colId: 'name', field: 'staffName', headerName: t('roster.grid.name'), pinned: 'left', width: 86 },
      {
        colId: 'mainPost',
        headerName: t('roster.grid.mainPost'),
        pinned: 'left',
        width: language === 'zh-CN' ? 100 : 150,
        valueGetter: (p) => (p.data ? names.post(p.data.mainPostId) : ''),
        tooltipValueGetter: (p) => (p.value ? String(p.value) : null),
      },
      { colId: 'shifts', field: 'shifts', headerName: t('roster.grid.shifts'), pinned: 'left', width: 62, type: 'numericColumn' },
      ...props.dates.map(
        (date): ColDef<RosterRow> => ({
          colId: date,
          headerName: dayHeader(date, t),
          headerTooltip: dayLabel(date, t),
          headerClass: weekdayIndex(date) >= 5 ? 'weekend-head' : undefined,
          width: month ? 112 : 138,
          sortable: false,
          valueGetter: (p) => dutyText(p.data?.days[date] ?? [], names, learnerTag),
          tooltipValueGetter: (p) => (p.value ? `${dayLabel(date, t)}：${String(p.value)}` : null),
          cellRenderer: DutyCell,
          cellRendererParams: { names, learnerTag },
          cellClass: weekdayIndex(date) >= 5 ? 'day-cell weekend-cell' : 'day-cell',
        }),
      ),
    ];
  }, [props.dates, names, t, language]);

  return (
    <div className="grid-frame roster-grid" role="region" aria-label={t('roster.tab.grid')}>
      <AgGridReact<RosterRow>
        theme={gridTheme}
        rowData={props.rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={(p) => String(p.data.staffId)}
        localeText={gridLocaleText(language)}
        rowHeight={30}
        animateRows={false}
        tooltipShowDelay={300}
      />
    </div>
  );
}
