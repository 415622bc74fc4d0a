import { useMemo } from 'react';
import type { BenchStrength, Centre, SkillMatrix, WindowAb } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { skillName } from './skill-labels.ts';

/**
 * Each window with its A and B person. The lists offer only people qualified for the window's
 * skill; the backend still checks every rule, and its refusal is shown as the user's message.
 */
export function AbTable(props: {
  centre: Centre;
  matrix: SkillMatrix;
  ab: WindowAb[];
  bench: BenchStrength | null;
  onChanged: () => void;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}) {
  const { t, language, problem } = useI18n();
  const seats = useMemo(() => new Map(props.ab.map((seat) => [seat.windowId, seat])), [props.ab]);
  const benchByWindow = useMemo(() => new Map((props.bench?.windows ?? []).map((w) => [w.windowId, w])), [props.bench]);
  const qualifiedFor = (postId: number) =>
    props.matrix.rows.filter((row) => (row.cells[String(postId)]?.level ?? 0) >= 2).sort((a, b) => a.employeeNo.localeCompare(b.employeeNo));

  async function save(windowId: number, aStaffId: number | null, bStaffId: number | null, label: string) {
    try {
      await call('ab/set', { windowId, aStaffId, bStaffId });
      props.onNotice(t('ab.saved', { window: label }), 'ok');
      props.onChanged();
    } catch (caught) {
      const [field, kind] = Object.entries(caught instanceof ApiError ? (caught.error.fields ?? {}) : {})[0] ?? [];
      props.onNotice(`${label}: ${field && kind ? problem(field, kind) : String(caught)}`, 'error');
    }
  }

  const nameOf = (item: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? item.nameZh : item.nameEn);
  return (
    <div className="report-scroll ab-scroll">
      <table className="plain-table ab-table" aria-label={t('skills.tab.ab')}>
        <thead>
          <tr>
            <th scope="col">{t('ab.window')}</th>
            <th scope="col">{t('ab.post')}</th>
            <th scope="col">{t('ab.a')}</th>
            <th scope="col">{t('ab.b')}</th>
            <th scope="col">{t('ab.qualified')}</th>
            <th scope="col">{t('ab.warnings')}</th>
          </tr>
        </thead>
        {props.centre.zones.map((zone) => (
          <tbody key={zone.id}>
            <tr className="group-row">
              <th colSpan={6} scope="rowgroup">{nameOf(zone)}</th>
            </tr>
            {props.centre.windows
              .filter((window) => window.zoneId === zone.id)
              .map((window) => {
                const seat = seats.get(window.id);
                const bench = benchByWindow.get(window.id);
                const label = nameOf(window);
                const people = qualifiedFor(window.postId);
                const post = props.centre.posts.find((p) => p.id === window.postId);
                const select = (seatName: 'A' | 'B', value: number | null, onPick: (id: number | null) => void) => (
                  <select aria-label={`${label} ${seatName}`} value={value ?? ''} onChange={(event) => onPick(event.target.value === '' ? null : Number(event.target.value))}>
                    <option value="">{t('ab.none')}</option>
                    {value !== null && !people.some((p) => p.staffId === value) ? <option value={value}>#{value}</option> : null}
                    {people.map((person) => (
                      <option key={person.staffId} value={person.staffId}>{`${person.name} ${person.employeeNo}`}</option>
                    ))}
                  </select>
                );
                return (
                  <tr key={window.id} data-window={window.code} className={bench?.singlePointOfFailure ? 'spof-row' : undefined}>
                    <th scope="row">{label}</th>
                    <td>{skillName(post, language)}</td>
                    <td>{select('A', seat?.aStaffId ?? null, (id) => void save(window.id, id, seat?.bStaffId ?? null, label))}</td>
                    <td>{select('B', seat?.bStaffId ?? null, (id) => void save(window.id, seat?.aStaffId ?? null, id, label))}</td>
                    <td className={bench?.singlePointOfFailure ? 'warn-text' : undefined}>
                      {bench?.qualified ?? 0}
                      {bench?.singlePointOfFailure ? ` · ${t('ab.spof')}` : ''}
                    </td>
                    <td className="warn-text">{(seat?.warnings ?? []).map((w) => t(`ab.warning.${w}`)).join('；')}</td>
                  </tr>
                );
              })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
