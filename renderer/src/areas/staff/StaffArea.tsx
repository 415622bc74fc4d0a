import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAccess } from '../../components/access.tsx';
import { inDomains, useChanges } from '../../components/changes.ts';
import type { Centre, Staff, StaffRow } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { TransferControls } from '../../components/TransferControls.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { plainMessage } from '../roster/errors.ts';
import { DeactivateDialog } from './DeactivateDialog.tsx';
import { StaffForm } from './StaffForm.tsx';
import { StaffGrid } from './StaffGrid.tsx';
import { DEFAULT_FILTER, filterStaff, type StaffFilter, type StatusFilter } from './staff-filter.ts';

type Editor = { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'deactivate'; person: StaffRow } | null;

export function StaffArea({ centre, today }: { centre: Centre; today: string }) {
  const { t, language } = useI18n();
  const [rows, setRows] = useState<StaffRow[]>([]);
  const [filter, setFilter] = useState<StaffFilter>(DEFAULT_FILTER);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Derived from the list, so a reload always hands the buttons the newest version of the row.
  const selected = rows.find((row) => row.id === selectedId) ?? null;
  // Staff records are the dispatcher's: others see the list, never the edit form or the full resident ID.
  const editsStaff = useAccess().can('staff/update');
  const [editor, setEditor] = useState<Editor>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const shown = useMemo(() => filterStaff(rows, filter), [rows, filter]);

  const reload = useCallback(async () => {
    try {
      setRows(await call('staff/list', {}));
    } catch (caught) {
      setNotice({ text: t('app.error', { message: plainMessage(caught, language) }), tone: 'error' });
    }
  }, [t, language]);
  useEffect(() => void reload(), [reload]);
  useChanges((change) => inDomains(change, ['staff', 'transfer', 'skills', 'ab']), () => void reload());

  const openEditor = useCallback(async (row: StaffRow) => {
    try {
      setEditor({ kind: 'edit', staff: await call('staff/get', { id: row.id }) });
    } catch (caught) {
      setNotice({ text: t('app.error', { message: plainMessage(caught, language) }), tone: 'error' });
    }
  }, [t, language]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (editsStaff && event.altKey && event.key.toLowerCase() === 'n' && editor === null) {
        event.preventDefault();
        setEditor({ kind: 'create' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, editsStaff]);

  async function afterSave(staff: Staff, message: string) {
    setEditor(null);
    setNotice({ text: message, tone: 'ok' });
    await reload();
    setSelectedId(staff.id);
  }

  const zoneLabel = (zone: Centre['zones'][number]) => (language === 'zh-CN' ? zone.nameZh : zone.nameEn);
  return (
    <section className="area staff-area" aria-labelledby="staff-title">
      <header className="area-header">
        <h1 id="staff-title">{t('staff.title')}</h1>
        {editsStaff ? <span className="muted">{t('staff.hint')}</span> : null}
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('staff.title')}>
        <label className="toolbar-field">
          <span>{t('staff.search')}</span>
          <input
            type="search"
            value={filter.search}
            placeholder={t('staff.searchPlaceholder')}
            onChange={(event) => setFilter({ ...filter, search: event.target.value })}
          />
        </label>
        <label className="toolbar-field">
          <span>{t('staff.zoneFilter')}</span>
          <select
            value={filter.zoneId ?? ''}
            onChange={(event) => setFilter({ ...filter, zoneId: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">{t('staff.allZones')}</option>
            {centre.zones.map((zone) => (
              <option key={zone.id} value={zone.id}>{zoneLabel(zone)}</option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span>{t('staff.statusFilter')}</span>
          <select value={filter.status} onChange={(event) => setFilter({ ...filter, status: event.target.value as StatusFilter })}>
            <option value="current">{t('staff.filter.current')}</option>
            <option value="all">{t('staff.filter.all')}</option>
            <option value="probation">{t('status.probation')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="departed">{t('status.departed')}</option>
          </select>
        </label>
        <span className="count" data-testid="staff-count">{t('staff.count', { shown: shown.length, total: rows.length })}</span>
        <span className="toolbar-spacer" />
        {editsStaff ? (
          <>
            <button type="button" className="primary" onClick={() => setEditor({ kind: 'create' })} aria-keyshortcuts="Alt+N">
              {t('staff.new')}
            </button>
            <button type="button" disabled={!selected || selected.status === 'departed'} onClick={() => selected && void openEditor(selected)}>
              {t('staff.edit')}
            </button>
            <button
              type="button"
              disabled={!selected || selected.status === 'departed'}
              onClick={() => selected && setEditor({ kind: 'deactivate', person: selected })}
            >
              {t('staff.deactivate')}
            </button>
            {/* The daily actions stay on the first line; import and export are reached less often. */}
            <TransferControls kind="staff" onImported={() => void reload()} onNotice={(text, tone) => setNotice({ text, tone })} />
          </>
        ) : (
          <span className="muted" data-testid="read-only">{t('access.readOnly')}</span>
        )}
      </div>
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <StaffGrid
        rows={shown}
        zones={centre.zones}
        posts={centre.posts}
        selectedId={selectedId}
        showLeftOn={filter.status === 'all' || filter.status === 'departed'}
        onSelect={(row) => setSelectedId(row?.id ?? null)}
        onOpen={(row) => editsStaff && row.status !== 'departed' && void openEditor(row)}
      />
      {editor?.kind === 'create' || editor?.kind === 'edit' ? (
        <StaffForm
          centre={centre}
          today={today}
          editing={editor.kind === 'edit' ? editor.staff : null}
          defaultZoneId={filter.zoneId}
          onClose={() => setEditor(null)}
          onSaved={(staff, created) =>
            void afterSave(staff, created ? t('staff.created', { name: staff.name, employeeNo: staff.employeeNo }) : t('staff.saved', { name: staff.name }))
          }
        />
      ) : null}
      {editor?.kind === 'deactivate' ? (
        <DeactivateDialog
          person={editor.person}
          centre={centre}
          today={today}
          onClose={() => setEditor(null)}
          onDone={(staff) => void afterSave(staff, t('staff.departedDone', { name: staff.name, date: staff.leftOn ?? '' }))}
        />
      ) : null}
    </section>
  );
}
