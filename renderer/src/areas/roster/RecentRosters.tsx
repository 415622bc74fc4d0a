import type { RosterSummary } from '../../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { engineText, gapText, percentText, rangeLabel, solveStatusText, stampText, zonesLabel } from './roster-format.ts';

/** The rosters made lately, newest first; any of them can be opened again. */
export function RecentRosters(props: { rosters: RosterSummary[] | null; zones: Zone[]; openId: number | null; onOpen: (roster: RosterSummary) => void }) {
  const { t, language } = useI18n();
  if (props.rosters === null) return <p role="status" className="progress">{t('roster.list.loading')}</p>;
  if (props.rosters.length === 0) return <p className="muted">{t('roster.list.none')}</p>;
  const rosters = [...props.rosters].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <div className="roster-scroll recent-scroll">
      <table className="roster-table recent-table" aria-label={t('roster.tab.recent')}>
        <thead>
          <tr>
            <th scope="col" className="col-date">{t('roster.list.period')}</th>
            <th scope="col">{t('roster.list.zones')}</th>
            <th scope="col">{t('roster.list.status')}</th>
            <th scope="col">{t('roster.summary.engine')}</th>
            <th scope="col">{t('roster.summary.solveStatus')}</th>
            <th scope="col" className="num">{t('roster.summary.gap')}</th>
            <th scope="col" className="num">{t('roster.summary.unmet')}</th>
            <th scope="col" className="num">{t('roster.summary.resilience')}</th>
            <th scope="col">{t('roster.list.created')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('roster.list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rosters.map((roster, index) => (
            <tr key={roster.id} data-row-index={index} data-roster-id={roster.id} className={roster.id === props.openId ? 'row-open' : undefined}>
              <th scope="row" className="col-date">{rangeLabel(roster.from, roster.to, t)}</th>
              <td>{zonesLabel(roster.zoneIds, props.zones, language, t)}</td>
              <td data-col="status">
                <span className={`status-badge status-${roster.status}`}>{t(`roster.status.${roster.status}`)}</span>
              </td>
              <td>{engineText(roster, t)}</td>
              <td>{solveStatusText(roster.solveStatus, t)}</td>
              <td className="num">{gapText(roster.gap)}</td>
              <td className={roster.unmetStaffShifts > 0 ? 'num gap-missing' : 'num'}>{roster.unmetStaffShifts}</td>
              <td className="num">{percentText(roster.resilienceShare, 1)}</td>
              <td>{stampText(roster.createdAt)}</td>
              <td>
                <button type="button" className="link-button" onClick={() => props.onOpen(roster)} aria-label={t('roster.list.openNamed', { period: rangeLabel(roster.from, roster.to, t) })}>
                  {roster.id === props.openId ? t('roster.list.isOpen') : t('roster.list.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
