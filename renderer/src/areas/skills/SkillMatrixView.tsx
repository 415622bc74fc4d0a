import { useCallback, useMemo, useState } from 'react';
import type { Centre, SkillLevel, SkillMatrix, SkillMatrixRow } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { TransferControls } from '../../components/TransferControls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SkillCellDetail } from './SkillCellDetail.tsx';
import { SkillMatrixGrid } from './SkillMatrixGrid.tsx';
import { certifiedOnFor, skillName } from './skill-labels.ts';

interface Props {
  centre: Centre;
  matrix: SkillMatrix;
  today: string;
  postTarget: number;
  onChanged: (matrix: SkillMatrix) => void;
  onReload: () => void;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}

export function SkillMatrixView(props: Props) {
  const { t, language, problem } = useI18n();
  const [zoneId, setZoneId] = useState<number | null>(null);
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [focus, setFocus] = useState<{ staffId: number; postId: number | null } | null>(null);
  const [version, setVersion] = useState(0);
  const { matrix, onChanged, onNotice, today } = props;

  const rows = useMemo(
    () => matrix.rows.filter((row) => (zoneId === null || row.homeZoneId === zoneId) && (!onlyBelow || row.mastered < props.postTarget)),
    [matrix.rows, zoneId, onlyBelow, props.postTarget],
  );
  const names = useMemo(() => new Map(matrix.rows.map((row) => [row.staffId, row.name])), [matrix.rows]);

  const setLevel = useCallback(
    async (row: SkillMatrixRow, postId: number, level: SkillLevel, certifiedOn?: string) => {
      const previous = row.cells[String(postId)];
      try {
        const cell = await call('skills/setLevel', { staffId: row.staffId, postId, level, certifiedOn: certifiedOn ?? certifiedOnFor(level, previous, today) });
        const cells = { ...row.cells, [String(postId)]: cell };
        const updated = { ...row, cells, mastered: Object.values(cells).filter((c) => c.level >= 2).length };
        onChanged({ ...matrix, rows: matrix.rows.map((r) => (r.staffId === row.staffId ? updated : r)) });
        setVersion((v) => v + 1);
        const post = matrix.skills.find((p) => p.id === postId);
        onNotice(t('skills.saved', { name: row.name, skill: skillName(post, language), level: t(`skills.level.${level}`) }), 'ok');
      } catch (caught) {
        const fields = caught instanceof ApiError ? caught.error.fields : undefined;
        const [field, kind] = Object.entries(fields ?? {})[0] ?? [];
        onNotice(field && kind ? problem(field, kind) : t('app.error', { message: String(caught) }), 'error');
      }
    },
    [matrix, onChanged, onNotice, today, t, language, problem],
  );

  const focusedRow = focus ? (matrix.rows.find((row) => row.staffId === focus.staffId) ?? null) : null;
  const focusedPost = focus?.postId ? matrix.skills.find((post) => post.id === focus.postId) : undefined;
  return (
    <div className="matrix-layout">
      <div className="toolbar" role="toolbar" aria-label={t('skills.tab.matrix')}>
        <label className="toolbar-field">
          <span>{t('staff.zoneFilter')}</span>
          <select value={zoneId ?? ''} onChange={(event) => setZoneId(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">{t('staff.allZones')}</option>
            {props.centre.zones.map((zone) => (
              <option key={zone.id} value={zone.id}>{language === 'zh-CN' ? zone.nameZh : zone.nameEn}</option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <input type="checkbox" checked={onlyBelow} onChange={(event) => setOnlyBelow(event.target.checked)} />
          <span>{t('skills.onlyBelowTarget', { target: props.postTarget })}</span>
        </label>
        <span className="count" data-testid="matrix-count">{t('staff.count', { shown: rows.length, total: matrix.rows.length })}</span>
        <span className="toolbar-spacer" />
        <TransferControls kind="skills" onImported={props.onReload} onNotice={onNotice} />
      </div>
      <p className="muted hint">{t('skills.hint')}</p>
      <div className="matrix-body">
        <SkillMatrixGrid
          rows={rows}
          skills={matrix.skills}
          zones={props.centre.zones}
          postTarget={props.postTarget}
          onSetLevel={(row, postId, level) => void setLevel(row, postId, level)}
          onFocusCell={(row, postId) => setFocus({ staffId: row.staffId, postId })}
        />
        <SkillCellDetail
          row={focusedRow}
          post={focusedPost}
          names={names}
          today={today}
          version={version}
          onSaveDate={(row, postId, level, certifiedOn) => void setLevel(row, postId, level, certifiedOn)}
        />
      </div>
    </div>
  );
}
