import type { RosterView } from '../../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hallProjection, type OnDutyLine } from './hall-projection.ts';
import { dayLabel } from './roster-format.ts';

/**
 * Before publishing, what the client will see: the on-duty rate the roster projects against the
 * contracted target, windows left unseated, who is lent to another zone and why, lieu owed.
 */
export function HallProjectionPanel(props: { view: RosterView; zones: Zone[]; shiftName: (code: string) => string; windowCode: (windowId: number) => string }) {
  const { t, language } = useI18n();
  const projection = hallProjection(props.view, props.zones, language);
  if (!projection) return null;
  const rate = (line: OnDutyLine) => (line.ratePercent === null ? '—' : `${line.ratePercent.toFixed(1)}%`);
  return (
    <section className="hall-projection" aria-labelledby="hall-projection-title" data-testid="hall-projection">
      <h3 id="hall-projection-title">{t('roster.hall.title')}</h3>
      <div className="hall-projection-grid">
        <div>
          <p className={projection.centre?.met === false ? 'projection-rate figure-alert' : 'projection-rate figure-good'} data-testid="projected-rate">
            {t('roster.hall.centreRate', { rate: projection.centre ? rate(projection.centre) : '—', target: projection.targetPercent })}
          </p>
          <table className="projection-table">
            <thead>
              <tr>
                <th scope="col">{t('roster.hall.zone')}</th>
                <th scope="col">{t('roster.hall.rate')}</th>
                <th scope="col">{t('roster.hall.postDays')}</th>
              </tr>
            </thead>
            <tbody>
              {projection.zones.map((line) => (
                <tr key={line.key} className={line.met ? undefined : 'row-short'} data-zone={line.key}>
                  <th scope="row">{line.name}</th>
                  <td>{rate(line)}{line.met ? '' : ` ${t('roster.hall.belowTarget')}`}</td>
                  <td>{t('roster.hall.postDaysValue', { staffed: line.staffedPostDays, contracted: line.contractedPostDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <p data-testid="projected-windows">
            {t('roster.hall.windows', { seated: projection.windowsSeated, open: projection.windowsOpened })}
          </p>
          {projection.unseated.length > 0 ? (
            <ul className="projection-list">
              {projection.unseated.map((slot) => (
                <li key={`${slot.date}|${slot.shift}`} className="figure-alert">
                  {t('roster.hall.unseated', { day: dayLabel(slot.date, t), shift: props.shiftName(slot.shift), n: slot.open - slot.seated })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('roster.hall.allSeated')}</p>
          )}
        </div>
        <details data-testid="projected-closed">
          <summary>{t('roster.hall.closed', { n: projection.closed.reduce((sum, line) => sum + line.windowIds.length, 0) })}</summary>
          {projection.closed.length === 0 ? <p className="muted">{t('roster.hall.noClosed')}</p> : null}
          <ul className="projection-list">
            {projection.closed.map((line) => (
              <li key={line.key}>
                {dayLabel(line.date, t)} {props.shiftName(line.shift)} <strong>{line.windowIds.map(props.windowCode).join('、')}</strong>：{line.reason}
              </li>
            ))}
          </ul>
        </details>
        <details open={projection.moves.length > 0 && projection.moves.length <= 8} data-testid="projected-moves">
          <summary>{t('roster.hall.moves', { n: projection.moves.length })}</summary>
          {projection.moves.length === 0 ? <p className="muted">{t('roster.hall.noMoves')}</p> : null}
          <ul className="projection-list">
            {projection.moves.map((move) => (
              <li key={move.key}>
                <strong>{move.name}</strong> {dayLabel(move.date, t)} {props.shiftName(move.shift)}：{move.reason}
              </li>
            ))}
          </ul>
        </details>
        <details data-testid="projected-lieu">
          <summary>{t('roster.hall.lieu', { n: projection.lieu.length })}</summary>
          {projection.lieu.length === 0 ? <p className="muted">{t('roster.hall.noLieu')}</p> : null}
          <ul className="projection-list">
            {projection.lieu.map((line) => (
              <li key={line.staffId} data-staff={line.staffId}>
                <strong>{line.name}</strong>：
                {line.planned.length > 0 ? t(line.cycle ? 'roster.hall.cyclePlanned' : 'roster.hall.lieuPlanned', { shifts: line.planned.map((entry) => `${dayLabel(entry.date, t)} ${props.shiftName(entry.shift)}`).join('、') }) : null}
                {line.planned.length > 0 && line.minutes > 0 ? '；' : null}
                {line.minutes > 0 ? t(line.cycle ? 'roster.hall.cycleOwed' : 'roster.hall.lieuOwed', { hours: (line.minutes / 60).toFixed(1) }) : null}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  );
}
