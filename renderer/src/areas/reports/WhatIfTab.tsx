import { useCallback, useState } from 'react';
import { ProvisionalLabel } from '../../components/ProvisionalLabel.tsx';
import type { WhatIfOption } from '../../../../electron/contract/areas/reports.ts';
import { call } from '../../api/client.ts';
import { useLatestLoad } from '../../components/use-latest-load.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { messageOf, ReportStatus } from './month-report.tsx';
import { reportNames, signedYuanText, waitText, yuanText } from './report-format.ts';
import type { ReportsTabProps } from './tab-props.ts';

/** 增减人员测算: per zone, one person fewer or more against the wait the forecast predicts. */
export function WhatIfTab({ centre }: ReportsTabProps) {
  const { t, language } = useI18n();
  const [weeks, setWeeks] = useState(4);
  const [failure, setFailure] = useState<string | null>(null);
  const fetch = useCallback(() => {
    setFailure(null);
    return call('cost/whatIf', { weeks });
  }, [weeks]);
  const { value, loading } = useLatestLoad(fetch, useCallback((caught: unknown) => setFailure(messageOf(caught)), []));
  const result = failure ? null : value;
  const names = reportNames(centre, [], language, t('reports.centreWide'));
  return (
    <div className="reports-tab what-if-tab">
      <div className="toolbar">
        <label className="month-picker">
          <span>{t('whatIf.weeks')}</span>
          <select value={weeks} onChange={(event) => setWeeks(Number(event.target.value))}>
            {[1, 2, 4, 6, 8].map((n) => (
              <option key={n} value={n}>{t('whatIf.weeksOption', { n })}</option>
            ))}
          </select>
        </label>
      </div>
      <ReportStatus loading={loading} failure={failure} />
      {result ? (
        <>
          <ProvisionalLabel years={result.provisionalYears} />
          <p className="hint">{t('whatIf.explain', { from: result.from, to: result.to })}</p>
          <table className="plain-table what-if-table" data-testid="what-if">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>{t('duty.zone')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.people')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.peopleAtWindows')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.windows')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.availability')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.costPerPerson')}</th>
                <th scope="colgroup" colSpan={2}>{t('whatIf.fewer')}</th>
                <th scope="col" rowSpan={2}>{t('whatIf.current')}</th>
                <th scope="colgroup" colSpan={2}>{t('whatIf.more')}</th>
              </tr>
              <tr>
                <th scope="col">{t('whatIf.costChange')}</th>
                <th scope="col">{t('whatIf.wait')}</th>
                <th scope="col">{t('whatIf.costChange')}</th>
                <th scope="col">{t('whatIf.wait')}</th>
              </tr>
            </thead>
            <tbody>
              {result.zones.map((zone) => (
                <tr key={zone.zoneId} data-zone-id={zone.zoneId}>
                  <th scope="row">{names.zone(zone.zoneId)}</th>
                  <td className="num">{zone.people}</td>
                  <td className="num">{zone.peopleAtWindows}</td>
                  <td className="num">{zone.windows}</td>
                  <td className="num" title={t(`whatIf.availability.${zone.availabilitySource}`)}>
                    {`${Math.round(zone.availability * 1000) / 10}%`}
                    {zone.availabilitySource === 'assumed' ? ` ${t('whatIf.assumedMark')}` : ''}
                  </td>
                  <td className="num">{yuanText(zone.costPerPersonMonthly)}</td>
                  <OptionCells option={zone.fewer} t={t} />
                  <td className="num wait-current">
                    {waitText(zone.current, t)}
                    {zone.beyondWindowsShare > 0 ? <span className="row-note">{t('whatIf.beyondWindows', { share: Math.max(1, Math.round(zone.beyondWindowsShare * 100)) })}</span> : null}
                  </td>
                  <OptionCells option={zone.more} t={t} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

function OptionCells({ option, t }: { option: WhatIfOption; t: Translate }) {
  return (
    <>
      <td className="num">{signedYuanText(option.monthlyCostChange)}</td>
      <td className="num">{waitText(option, t)}</td>
    </>
  );
}
