import { useId } from 'react';
import type { ClientMonthReport, LeaveSummaryLine } from '../../../../electron/contract/areas/reports.ts';
import type { Centre, Language } from '../../../../electron/contract/model.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dateText } from '../print/PrintedSchedule.tsx';
import { namedPageRules } from '../print/print-model.ts';
import { daysText, percentText, reportNames, shortDate } from './report-format.ts';

export interface ClientReportProps {
  report: ClientMonthReport;
  centre: Centre;
  today: string;
  language: Language;
  t: Translate;
}

/** Leave types shown in their own column; the rest are summed under 其他. */
const OWN_COLUMNS = ['annual', 'sick', 'personal', 'compensatory'] as const;

/**
 * The monthly report as it goes to the client, on screen and on paper alike: A4 portrait, the
 * centre and month at the top of every page, 第 N 页 / 共 M 页 at the foot, the tables' header rows
 * repeated, and the sign-off of both sides at the end.
 */
export function ClientReportDocument({ report, centre, today, language, t }: ClientReportProps) {
  const names = reportNames(centre, report.shifts, language, t('reports.centreWide'));
  const centreName = language === 'zh-CN' ? report.centreNameZh : report.centreNameEn;
  const title = t('client.title', { year: report.year, month: report.month });
  const printDate = t('print.printDate', { date: dateText(today, t) });
  return (
    <article className="print-document report-document" data-testid="client-report" lang={language}>
      <style>{namedPageRules({ name: 'client-report', size: 'A4 portrait', margin: '14mm 12mm 14mm 12mm', top: `${centreName} · ${title}`, counter: t('print.pageCounter'), printDate })}</style>
      <header className="print-head">
        <h1 className="print-centre">{centreName}</h1>
        <p className="print-title"><strong>{title}</strong></p>
        <p className="print-date">{printDate}</p>
      </header>
      <DutySection report={report} names={names} language={language} t={t} />
      <IncidentSection report={report} names={names} language={language} t={t} />
      <LeaveSection lines={report.leave} names={names} t={t} />
      <footer className="print-signoff" data-testid="client-signoff">
        <span>{t('client.signoff.vendor')}<span className="signoff-line" /></span>
        <span>{t('print.signoff.reviewer')}<span className="signoff-line" /></span>
        <span>{t('client.signoff.client')}<span className="signoff-line" /></span>
        <span>{t('print.signoff.date')}<span className="signoff-line" /></span>
      </footer>
    </article>
  );
}

type SectionProps = { report: ClientMonthReport; names: ReturnType<typeof reportNames>; language: Language; t: Translate };

function DutySection({ report, names, t }: SectionProps) {
  const id = useId();
  const { duty } = report;
  return (
    <section className="report-section" aria-labelledby={`${id}-duty`}>
      <h2 id={`${id}-duty`}>{t('client.duty.title')}</h2>
      <p className="report-note">
        {t('client.duty.note', { days: duty.workingDays.length, target: duty.targetPercent, definition: t(`duty.definition.${duty.definition}`) })}
      </p>
      <table className="print-table report-table" data-testid="client-duty">
        <thead>
          <tr>
            <th scope="col">{t('duty.zone')}</th>
            <th scope="col">{t('duty.posts')}</th>
            <th scope="col">{t('duty.contracted')}</th>
            <th scope="col">{t('duty.staffed')}</th>
            <th scope="col">{t('duty.rate')}</th>
            <th scope="col">{t('client.duty.shortDays')}</th>
            <th scope="col">{t('duty.met')}</th>
          </tr>
        </thead>
        <tbody>
          {duty.zones.map((zone) => (
            <tr key={zone.zoneId} data-zone-id={zone.zoneId}>
              <th scope="row" className="row-label">{names.zone(zone.zoneId)}</th>
              <td className="num">{zone.contractedPosts}</td>
              <td className="num">{zone.contractedPostDays}</td>
              <td className="num">{zone.staffedPostDays}</td>
              <td className={zone.met ? 'num met' : 'num not-met'}>{percentText(zone.ratePercent)}</td>
              <td className="num">{zone.shortDays.length}</td>
              <td className={zone.met ? 'met' : 'not-met'}>{zone.met ? t('duty.met') : t('duty.notMet')}</td>
            </tr>
          ))}
          <tr className="total-row" data-testid="client-duty-centre">
            <th scope="row" className="row-label">{t('duty.centre')}</th>
            <td />
            <td className="num">{duty.centre.contractedPostDays}</td>
            <td className="num">{duty.centre.staffedPostDays}</td>
            <td className={duty.centre.met ? 'num met' : 'num not-met'}>{percentText(duty.centre.ratePercent)}</td>
            <td />
            <td className={duty.centre.met ? 'met' : 'not-met'}>{duty.centre.met ? t('duty.met') : t('duty.notMet')}</td>
          </tr>
        </tbody>
      </table>
      {duty.zones.some((zone) => zone.shortDays.length > 0) ? (
        <ul className="report-list">
          {duty.zones.flatMap((zone) =>
            zone.shortDays.map((day) => (
              <li key={`${zone.zoneId}|${day.date}`}>
                {t('client.duty.shortLine', { zone: names.zone(zone.zoneId), date: shortDate(day.date), staffed: day.staffed, contracted: day.contracted, leave: day.onLeave, absent: day.absent, vacancy: day.vacancy })}
              </li>
            )),
          )}
        </ul>
      ) : null}
    </section>
  );
}

function IncidentSection({ report, names, language, t }: SectionProps) {
  const id = useId();
  const gaps = report.incidents.filter((incident) => incident.kind === 'gap').length;
  const fragile = report.incidents.length - gaps;
  const reason = (incident: ClientMonthReport['incidents'][number]) => (language === 'en' ? incident.reasonEn : incident.reasonZh);
  return (
    <section className="report-section" aria-labelledby={`${id}-incidents`}>
      <h2 id={`${id}-incidents`}>{t('client.incidents.title')}</h2>
      <p className="report-note" data-testid="client-incident-count">{t('client.incidents.count', { gaps, fragile })}</p>
      {report.incidents.length > 0 ? (
        <table className="print-table report-table" data-testid="client-incidents">
          <thead>
            <tr>
              <th scope="col" className="col-date">{t('client.col.date')}</th>
              <th scope="col" className="col-shift">{t('client.col.shift')}</th>
              <th scope="col" className="col-post">{t('client.col.post')}</th>
              <th scope="col" className="col-kind">{t('client.col.kind')}</th>
              <th scope="col" className="col-staffing">{t('client.col.staffing')}</th>
              <th scope="col">{t('client.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.incidents.map((incident) => (
              <tr key={`${incident.date}|${incident.shiftCode}|${incident.postId}`} data-kind={incident.kind}>
                <td>{shortDate(incident.date)}</td>
                <td>{names.shift(incident.shiftCode)}</td>
                <td>
                  {names.post(incident.postId)}
                  {incident.windowCodes.length > 0 ? <span className="row-detail">{incident.windowCodes.join('、')}</span> : null}
                </td>
                <td className={incident.kind === 'gap' ? 'not-met' : 'warn'}>{t(`client.kind.${incident.kind}`)}</td>
                <td className="num">{t('client.staffing', { assigned: incident.assigned, required: incident.required })}</td>
                <td className="reason">{reason(incident)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.unrostered.length > 0 ? (
        <p className="report-note" data-testid="client-unrostered">
          {t('client.unrostered')}
          {report.unrostered.map((line) => `${names.zone(line.zoneId)}（${t('client.days', { n: line.days.length })}）`).join('、')}
        </p>
      ) : null}
      <p className="report-note" data-testid="client-ab">
        {report.abGaps.length === 0
          ? t('client.ab.none')
          : t('client.ab.some', { list: report.abGaps.map((gap) => `${gap.windowCode}（${t(`client.ab.missing.${gap.missing}`)}）`).join('、') })}
      </p>
    </section>
  );
}

function LeaveSection({ lines, names, t }: { lines: LeaveSummaryLine[]; names: ReturnType<typeof reportNames>; t: Translate }) {
  const id = useId();
  const other = (line: LeaveSummaryLine) =>
    Object.entries(line.leaveDays).reduce((sum, [type, days]) => ((OWN_COLUMNS as readonly string[]).includes(type) ? sum : sum + days), 0);
  return (
    <section className="report-section" aria-labelledby={`${id}-leave`}>
      <h2 id={`${id}-leave`}>{t('client.leave.title')}</h2>
      <table className="print-table report-table" data-testid="client-leave">
        <thead>
          <tr>
            <th scope="col">{t('duty.zone')}</th>
            <th scope="col">{t('client.leave.people')}</th>
            {OWN_COLUMNS.map((type) => (
              <th key={type} scope="col">{t(`leave.type.${type}`)}</th>
            ))}
            <th scope="col">{t('client.leave.other')}</th>
            <th scope="col">{t('client.leave.absent')}</th>
            <th scope="col">{t('client.leave.late')}</th>
            <th scope="col">{t('client.leave.early')}</th>
            <th scope="col">{t('client.leave.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.zoneId ?? 'centre'} className={line.zoneId === null ? 'total-row' : undefined}>
              <th scope="row" className="row-label">{line.zoneId === null ? t('duty.centre') : names.zone(line.zoneId)}</th>
              <td className="num">{line.people}</td>
              {OWN_COLUMNS.map((type) => (
                <td key={type} className="num">{daysText(line.leaveDays[type])}</td>
              ))}
              <td className="num">{daysText(other(line))}</td>
              <td className="num">{daysText(line.absentDays)}</td>
              <td className="num">{line.lateCount}</td>
              <td className="num">{line.earlyCount}</td>
              <td className="num">{line.missingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-note">{t('client.leave.note')}</p>
    </section>
  );
}
