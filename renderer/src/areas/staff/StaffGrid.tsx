/** The staff list in ag-grid; the only staff file that knows about the grid library. */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type RowDoubleClickedEvent,
  type ValueFormatterParams,
} from 'ag-grid-community';
import type { Post, StaffRow, Zone } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';

const gridTheme = appGridTheme(14);

interface StaffGridProps {
  rows: StaffRow[];
  zones: Zone[];
  posts: Post[];
  selectedId: number | null;
  /** The leaving date is only worth a column when departed people can be in the list. */
  showLeftOn: boolean;
  onSelect: (row: StaffRow | null) => void;
  onOpen: (row: StaffRow) => void;
}

export function StaffGrid(props: StaffGridProps) {
  const { t, language } = useI18n();
  const gridRef = useRef<AgGridReact<StaffRow>>(null);
  const zoneName = useLookup(props.zones, language);
  const postName = useLookup(props.posts, language);
  const { onSelect, onOpen } = props;

  const columns = useMemo<ColDef<StaffRow>[]>(() => {
    const label = (key: MessageKey) => t(key);
    const translated = (prefix: string) => (p: ValueFormatterParams<StaffRow>) =>
      p.value === null || p.value === undefined ? '' : t(`${prefix}.${String(p.value)}` as MessageKey);
    return [
      { colId: 'name', field: 'name', headerName: label('field.name'), pinned: 'left', width: 110 },
      { colId: 'employeeNo', field: 'employeeNo', headerName: label('field.employeeNo'), width: 110, sort: 'asc' },
      { colId: 'gender', field: 'gender', headerName: label('field.gender'), width: 80, valueFormatter: translated('gender') },
      { colId: 'homeZone', field: 'homeZoneId', headerName: label('field.homeZoneId'), width: 130, valueFormatter: (p) => zoneName(p.value) },
      { colId: 'primaryPost', field: 'primaryPostId', headerName: label('field.primaryPostId'), width: 150, valueFormatter: (p) => postName(p.value) },
      { colId: 'status', field: 'status', headerName: label('field.status'), width: 90, valueFormatter: translated('status'), cellClass: (p) => `status-cell status-${String(p.value)}` },
      { colId: 'leftOn', field: 'leftOn', headerName: label('field.leftOn'), width: 120, hide: !props.showLeftOn },
      { colId: 'hireDate', field: 'hireDate', headerName: label('field.hireDate'), width: 120 },
      { colId: 'phone', field: 'phone', headerName: label('field.phone'), width: 140 },
      { colId: 'idNumber', field: 'idNumberMasked', headerName: label('field.idNumber'), width: 180, sortable: false },
      { colId: 'contractType', field: 'contractType', headerName: label('field.contractType'), width: 120, valueFormatter: translated('contract') },
      { colId: 'weeklyHourCap', field: 'weeklyHourCap', headerName: label('field.weeklyHourCap'), width: 130, type: 'numericColumn' },
      { colId: 'wageGrade', field: 'wageGrade', headerName: label('field.wageGrade'), width: 90, type: 'numericColumn' },
    ];
  }, [t, zoneName, postName, props.showLeftOn]);

  // After a save the list reloads: keep the saved person selected and in view.
  useEffect(() => {
    const api = gridRef.current?.api;
    if (!api || props.selectedId === null) return;
    const node = api.getRowNode(String(props.selectedId));
    if (node) {
      node.setSelected(true, true);
      api.ensureNodeVisible(node);
    }
  }, [props.rows, props.selectedId]);

  const getRowId = useCallback((p: GetRowIdParams<StaffRow>) => String(p.data.id), []);

  // Keyboard: the focused row is the selected row, so ↑↓ choose and Enter opens it.
  const onCellFocused = useCallback(
    (event: CellFocusedEvent<StaffRow>) => {
      if (event.rowIndex === null || event.rowIndex === undefined) return;
      const node = event.api.getDisplayedRowAtIndex(event.rowIndex);
      if (node?.data) {
        node.setSelected(true, true);
        onSelect(node.data);
      }
    },
    [onSelect],
  );
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<StaffRow>) => {
      const key = (event.event as KeyboardEvent | null)?.key;
      if (key === 'Enter' && event.data) onOpen(event.data);
    },
    [onOpen],
  );
  const onRowDoubleClicked = useCallback((event: RowDoubleClickedEvent<StaffRow>) => event.data && onOpen(event.data), [onOpen]);

  return (
    <div className="grid-frame" role="region" aria-label={t('staff.gridLabel')}>
      <AgGridReact<StaffRow>
        ref={gridRef}
        theme={gridTheme}
        rowData={props.rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={getRowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        localeText={gridLocaleText(language)}
        onCellFocused={onCellFocused}
        onCellKeyDown={onCellKeyDown}
        onRowDoubleClicked={onRowDoubleClicked}
        onRowClicked={(event) => event.data && onSelect(event.data)}
        rowClassRules={{ 'row-departed': (p) => p.data?.status === 'departed' }}
        animateRows={false}
        suppressColumnVirtualisation
      />
    </div>
  );
}

function useLookup(items: { id: number; nameZh: string; nameEn: string }[], language: 'zh-CN' | 'en') {
  return useMemo(() => {
    const names = new Map(items.map((item) => [item.id, language === 'zh-CN' ? item.nameZh : item.nameEn]));
    return (id: unknown) => (typeof id === 'number' ? (names.get(id) ?? String(id)) : '');
  }, [items, language]);
}
