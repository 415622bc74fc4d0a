/** Hours and overtime per person in ag-grid: one row a person, hours with one decimal. */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import type { HoursRow } from '../../../../electron/contract/areas/reports.ts';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { hoursText } from './report-format.ts';

const gridTheme = appGridTheme(12);

type MinuteField = 'workedMinutes' | 'regularMinutes' | 'overtime150Minutes' | 'overtime200Minutes' | 'overtime300Minutes' | 'overtimeMinutes' | 'lieuMinutes' | 'bankedMinutes' | 'payoutMinutes' | 'balanceMinutes' | 'plannedMinutes';

const HOUR_COLUMNS: readonly [MinuteField, MessageKey][] = [
  ['workedMinutes', 'hours.col.worked'],
  ['regularMinutes', 'hours.col.regular'],
  ['overtime150Minutes', 'hours.col.ot150'],
  ['overtime200Minutes', 'hours.col.ot200'],
  ['overtime300Minutes', 'hours.col.ot300'],
  ['overtimeMinutes', 'hours.col.overtime'],
  ['lieuMinutes', 'hours.col.lieu'],
  ['bankedMinutes', 'hours.col.banked'],
  ['payoutMinutes', 'hours.col.payout'],
  ['balanceMinutes', 'hours.col.balance'],
  ['plannedMinutes', 'hours.col.planned'],
];

export function HoursGrid(props: { rows: HoursRow[]; zoneName: (zoneId: number) => string; breachText: (row: HoursRow) => string }) {
  const { t, language } = useI18n();
  const { zoneName, breachText } = props;
  const columns = useMemo<ColDef<HoursRow>[]>(
    () => [
      { colId: 'employeeNo', field: 'employeeNo', headerName: t('hours.col.employeeNo'), pinned: 'left', width: 90 },
      { colId: 'name', field: 'name', headerName: t('hours.col.name'), pinned: 'left', width: 86 },
      { colId: 'zone', headerName: t('hours.col.zone'), width: 100, valueGetter: (p) => (p.data ? zoneName(p.data.zoneId) : '') },
      { colId: 'contract', headerName: t('hours.col.contract'), width: 104, valueGetter: (p) => (p.data ? t(`hours.contract.${p.data.contract}`) : '') },
      ...HOUR_COLUMNS.map(
        ([field, header]): ColDef<HoursRow> => ({
          colId: field,
          field,
          headerName: t(header),
          width: 96,
          type: 'numericColumn',
          valueFormatter: (p) => hoursText(Number(p.value ?? 0)),
          cellClass: field === 'overtimeMinutes' ? 'hours-total' : undefined,
        }),
      ),
      { colId: 'rosteredDays', field: 'rosteredDays', headerName: t('hours.col.rosteredDays'), width: 90, type: 'numericColumn' },
      {
        colId: 'breaches',
        headerName: t('hours.col.breaches'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) => (p.data ? breachText(p.data) : ''),
        tooltipValueGetter: (p) => (p.value ? String(p.value) : null),
        cellClass: (p) => (p.value ? 'breach-cell' : undefined),
      },
    ],
    [t, zoneName, breachText],
  );
  return (
    <div className="grid-frame hours-grid" role="region" aria-label={t('reports.tab.hours')}>
      <AgGridReact<HoursRow>
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
