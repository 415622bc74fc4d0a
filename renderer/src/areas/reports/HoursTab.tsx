import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HoursRow } from '../../../../electron/contract/areas/reports.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { HoursGrid } from './HoursGrid.tsx';
import { MonthToolbar, ReportStatus, useMonthReport } from './month-report.tsx';
import { hoursBreachText, hoursText, reportNames, shortDate } from './report-format.ts';
import type { ReportsTabProps } from './tab-props.ts';

/** 工时与加班: each person's hours of the month, overtime by tier, and the caps that were broken. */
export function HoursTab({ centre, info, onNotice }: ReportsTabProps) {
  const { t, language } = useI18n();
  const { chosen, setChosen, report, failure, loading } = useMonthReport('reports/hours', info.today);
  const names = useMemo(() => reportNames(centre, [], language, t('reports.centreWide')), [centre, language, t]);
  const zoneName = useCallback((zoneId: number) => names.zone(zoneId), [names]);
  const breachText = useCallback((row: HoursRow) => row.breaches.map((breach) => hoursBreachText(breach, t)).join('；'), [t]);
  const breached = report?.rows.filter((row) => row.breaches.length > 0) ?? [];
  const overtime = report?.rows.reduce((sum, row) => sum + row.overtimeMinutes, 0) ?? 0;
  const unapproved = useUnapprovedOvertime(chosen, onNotice);
  return (
    <div className="reports-tab hours-tab">
      <MonthToolbar chosen={chosen} onChosen={setChosen} exportChannel="reports/exportHours" disabled={!report} onNotice={onNotice} />
      <ReportStatus loading={loading} failure={failure} />
      {report ? (
        <>
          <p className="report-summary" data-testid="hours-summary">
            {t('hours.summary', { people: report.rows.length, overtime: hoursText(overtime), breached: breached.length, cycle: t(`hours.cycle.${report.comprehensiveCycle}`) })}
          </p>
          <p className="hint">
            {report.punches.last ? t('hours.punches', { first: report.punches.first?.slice(0, 10) ?? '', last: report.punches.last.slice(0, 10) }) : t('hours.noPunches')}
            {report.pendingFrom ? ` ${t('hours.planned', { date: shortDate(report.pendingFrom) })}` : ''}
          </p>
          {unapproved > 0 ? <p className="hint" data-testid="hours-unapproved">{t('hours.unapproved', { hours: hoursText(unapproved) })}</p> : null}
          {breached.length > 0 ? (
            <ul className="breach-list" aria-label={t('hours.breaches')} data-testid="hours-breaches">
              {breached.map((row) => (
                <li key={row.staffId}>
                  <strong>{row.name}</strong> {breachText(row)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="met" data-testid="hours-no-breach">{t('hours.noBreach')}</p>
          )}
          <HoursGrid rows={report.rows} zoneName={zoneName} breachText={breachText} />
        </>
      ) : null}
    </div>
  );
}

/** Overtime minutes of the month still waiting for a decision: not in the report, and said so. */
function useUnapprovedOvertime(chosen: { year: number; month: number }, onNotice: ReportsTabProps['onNotice']): number {
  const [minutes, setMinutes] = useState(0);
  useEffect(() => {
    let current = true;
    call('overtime/month', chosen)
      .then((result) => current && setMinutes(result.rows.reduce((sum, row) => sum + (row.kind === 'punch' ? row.pendingMinutes : 0), 0)))
      .catch((caught: unknown) => current && onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error'));
    return () => {
      current = false;
    };
  }, [chosen, onNotice]);
  return minutes;
}
