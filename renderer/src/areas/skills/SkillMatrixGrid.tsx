/** The skill matrix in ag-grid: people down, skills across in zone groups, one level per cell. */
import { useCallback, useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type ColGroupDef,
  type SuppressKeyboardEventParams,
} from 'ag-grid-community';
import type { Post, SkillLevel, SkillMatrixRow, Zone } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LEVELS, shortSkillName } from './skill-labels.ts';
import { appGridTheme, gridLocaleText } from '../../components/AppGrid.tsx';

const gridTheme = appGridTheme(13);

export const SKILL_COLUMN_PREFIX = 'skill-';

interface Props {
  rows: SkillMatrixRow[];
  skills: Post[];
  zones: Zone[];
  postTarget: number;
  onSetLevel: (row: SkillMatrixRow, postId: number, level: SkillLevel) => void;
  onFocusCell: (row: SkillMatrixRow, postId: number | null) => void;
}

const isLevelKey = (key: string) => key.length === 1 && key >= '0' && key <= '3';

export function SkillMatrixGrid(props: Props) {
  const { t, language } = useI18n();
  const { onSetLevel, onFocusCell } = props;
  const zoneName = useCallback(
    (zoneId: number | null) => {
      const zone = props.zones.find((candidate) => candidate.id === zoneId);
      return zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : t('skills.hallWide');
    },
    [props.zones, language, t],
  );

  const columns = useMemo<(ColDef<SkillMatrixRow> | ColGroupDef<SkillMatrixRow>)[]>(() => {
    const levelLabel = (level: number) => (level === 0 ? '' : t(`skills.level.${level as SkillLevel}`));
    const skillColumn = (post: Post): ColDef<SkillMatrixRow> => ({
      colId: `${SKILL_COLUMN_PREFIX}${post.id}`,
      headerName: shortSkillName(post, props.zones, language),
      headerTooltip: language === 'zh-CN' ? post.nameZh : post.nameEn,
      width: 84,
      valueGetter: (p) => p.data?.cells[String(post.id)]?.level ?? 0,
      valueFormatter: (p) => levelLabel(Number(p.value)),
      valueSetter: (p) => {
        if (p.data) onSetLevel(p.data, post.id, Number(p.newValue) as SkillLevel);
        return false;
      },
      editable: true,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...LEVELS], formatValue: (value: number) => `${value} ${t(`skills.level.${value as SkillLevel}`)}` },
      cellClass: (p) => `level-cell level-${String(p.value)}`,
      // Digits set the level directly (see onCellKeyDown), rather than opening the editor.
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && isLevelKey(p.event.key),
    });
    const groups = new Map<number | null, Post[]>();
    for (const post of props.skills) groups.set(post.zoneId, [...(groups.get(post.zoneId) ?? []), post]);
    return [
      { colId: 'name', field: 'name', headerName: t('field.name'), pinned: 'left', width: 100 },
      { colId: 'employeeNo', field: 'employeeNo', headerName: t('field.employeeNo'), pinned: 'left', width: 92 },
      { colId: 'homeZone', field: 'homeZoneId', headerName: t('field.homeZoneId'), width: 110, valueFormatter: (p) => zoneName(p.value as number) },
      {
        colId: 'mastered',
        field: 'mastered',
        headerName: t('skills.mastered'),
        width: 96,
        type: 'numericColumn',
        cellClassRules: { 'below-target': (p) => Number(p.value) < props.postTarget },
      },
      ...[...groups.entries()].map(([zoneId, posts]) => ({
        groupId: `zone-${zoneId ?? 'hall'}`,
        headerName: zoneName(zoneId),
        children: posts.map(skillColumn),
      })),
    ];
  }, [props.skills, props.zones, props.postTarget, language, t, zoneName, onSetLevel]);

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<SkillMatrixRow>) => {
      const key = (event.event as KeyboardEvent | null)?.key ?? '';
      const colId = event.column.getColId();
      if (!isLevelKey(key) || !colId.startsWith(SKILL_COLUMN_PREFIX) || !event.data) return;
      onSetLevel(event.data, Number(colId.slice(SKILL_COLUMN_PREFIX.length)), Number(key) as SkillLevel);
    },
    [onSetLevel],
  );

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<SkillMatrixRow>) => {
      if (event.rowIndex === null || event.rowIndex === undefined || !event.column || typeof event.column === 'string') return;
      const row = event.api.getDisplayedRowAtIndex(event.rowIndex)?.data;
      const colId = event.column.getColId();
      if (row) onFocusCell(row, colId.startsWith(SKILL_COLUMN_PREFIX) ? Number(colId.slice(SKILL_COLUMN_PREFIX.length)) : null);
    },
    [onFocusCell],
  );

  return (
    <div className="grid-frame" role="region" aria-label={t('skills.tab.matrix')}>
      <AgGridReact<SkillMatrixRow>
        theme={gridTheme}
        rowData={props.rows}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={(p) => String(p.data.staffId)}
        localeText={gridLocaleText(language)}
        onCellKeyDown={onCellKeyDown}
        onCellFocused={onCellFocused}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        animateRows={false}
        tooltipShowDelay={300}
      />
    </div>
  );
}
