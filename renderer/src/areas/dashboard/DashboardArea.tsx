import { useCallback, useState, type ReactNode } from 'react';
import type { Dashboard, DashboardSlot } from '../../../../electron/contract/areas/reports.ts';
import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { useLatestLoad } from '../../components/use-latest-load.ts';
import { useChanges } from '../../components/changes.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import type { Area, AreaFocus } from '../areas.ts';
import { dayHeader } from '../roster/roster-format.ts';
import { messageOf } from '../reports/month-report.tsx';
import { percentText, reportNames, shortDate, type ReportNames } from '../reports/report-format.ts';
import { DutyChart, WeekChart } from './DashboardChart.tsx';
import './dashboard.css';

const LISTED = 6;

/** 今日概览: what a dispatcher checks each morning, each figure a step away from the area that fixes it. */
export function DashboardArea({ centre, info, onNavigate }: { centre: Centre; info: AppInfo; onNavigate: (area: Area, focus?: AreaFocus) => void }) {
  const { t, language } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const fetch = useCallback(() => {
    setFailure(null);
    return call('dashboard/today', {});
  }, []);
  const { value, reload } = useLatestLoad(fetch, useCallback((caught: unknown) => setFailure(messageOf(caught)), []));
  const board = failure ? null : value;
  // Any change can move a figure here (a repair, a leave decision, a punch import).
  useChanges(() => true, () => void reload());
  const names = board ? reportNames(centre, board.shifts, language, t('reports.centreWide')) : null;
  return (
    <section className="area dashboard-area" aria-labelledby="dashboard-title">
      <header className="area-header">
        <h1 id="dashboard-title">{t('nav.dashboard')}</h1>
        <span className="muted">{t('dashboard.subtitle', { date: dayHeader(info.today, t) })}</span>
        <button type="button" className="header-action" onClick={() => void reload()}>{t('dashboard.refresh')}</button>
      </header>
      {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
      {board && names ? (
        <div className="dashboard-body">
          <div className="dashboard-cards">
            <Card testId="card-gaps" tone={board.gapsToday.length > 0 || board.unrosteredToday.length > 0 ? 'bad' : 'good'} figure={String(board.gapsToday.length)} label={t('dashboard.gapsToday')} action={t('dashboard.toRoster')} onAction={() => onNavigate('roster')}>
              {board.unrosteredToday.length > 0 ? <p className="card-note not-met">{t('dashboard.unrostered', { zones: board.unrosteredToday.map((id) => names.zone(id)).join(listSeparator(language)) })}</p> : null}
              {/* Nothing is published today at all: "no gaps" would say the opposite of the line above. */}
              {board.unrosteredToday.length < centre.zones.length ? (
                <SlotList slots={board.gapsToday} names={names} language={language} t={t} empty={board.todayWorking === null ? t('dashboard.calendarUnconfirmed') : board.todayWorking ? t('dashboard.noGaps') : t('dashboard.restDay')} />
              ) : null}
            </Card>
            <Card testId="card-spof" tone={board.noBackupThisWeek.length + board.thinSkills.length > 0 ? 'warn' : 'good'} figure={String(board.noBackupThisWeek.length)} label={t('dashboard.noBackup')} action={t('dashboard.toSkills')} onAction={() => onNavigate('skills')}>
              <p className="card-note">{t('dashboard.thinSkills', { n: board.thinSkills.length, windows: board.windowsWithoutAb })}</p>
              {board.thinSkills.length > 0 ? <p className="card-note">{board.thinSkills.slice(0, LISTED).map((skill) => t('dashboard.thinSkill', { post: names.post(skill.postId), n: skill.qualified })).join(listSeparator(language))}</p> : null}
              <SlotList slots={board.noBackupThisWeek} names={names} language={language} t={t} empty={t('dashboard.allBacked')} withDate />
            </Card>
            <Card testId="card-leave" tone={board.pendingLeave.count > 0 ? 'warn' : 'good'} figure={String(board.pendingLeave.count)} label={t('dashboard.pendingLeave')} action={t('dashboard.toLeave')} onAction={() => onNavigate('attendance', pendingFocus(board))}>
              {board.pendingLeave.count === 0 ? (
                <p className="card-note">{t('dashboard.noPending')}</p>
              ) : (
                <ul className="card-list">
                  {board.pendingLeave.oldest.map((leave) => (
                    <li key={leave.id}>{t('dashboard.leaveLine', { name: leave.name, type: t(`leave.type.${leave.type}`), from: shortDate(leave.from), to: shortDate(leave.to) })}</li>
                  ))}
                </ul>
              )}
            </Card>
            <Card
              testId="card-duty"
              tone={board.duty ? (board.duty.centre.met ? 'good' : 'bad') : 'warn'}
              figure={board.duty ? percentText(board.duty.centre.ratePercent) : '—'}
              label={t('dashboard.duty', { month: board.duty?.month ?? Number(board.today.slice(5, 7)) })}
              action={t('dashboard.toReport')}
              onAction={() => onNavigate('reports')}
            >
              <p className="card-note">{board.duty ? t('dashboard.dutyTarget', { target: board.duty.targetPercent }) : board.dutyProblem}</p>
            </Card>
          </div>
          <div className="dashboard-charts">
            <WeekChart board={board} t={t} />
            {board.duty ? <DutyChart board={board} names={names} t={t} angledLabels={language === 'en'} /> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Card(props: { testId: string; tone: 'good' | 'warn' | 'bad'; figure: string; label: string; action: string; onAction: () => void; children?: ReactNode }) {
  return (
    <article className={`dash-card tone-${props.tone}`} data-testid={props.testId} aria-label={props.label}>
      <p className="card-figure">{props.figure}</p>
      <h2 className="card-label">{props.label}</h2>
      <div className="card-body">{props.children}</div>
      <button type="button" className="card-action" onClick={props.onAction}>{props.action}</button>
    </article>
  );
}

function SlotList(props: { slots: DashboardSlot[]; names: ReportNames; language: string; t: Translate; empty: string; withDate?: boolean }) {
  if (props.slots.length === 0) return <p className="card-note met">{props.empty}</p>;
  const shown = props.slots.slice(0, LISTED);
  return (
    <ul className="card-list">
      {shown.map((slot) => (
        <li key={`${slot.date}|${slot.shiftCode}|${slot.postId}`} title={props.language === 'en' ? slot.reasonEn : slot.reasonZh}>
          {props.withDate ? `${shortDate(slot.date)} ` : ''}
          {props.t('dashboard.slotLine', { shift: props.names.shift(slot.shiftCode), post: props.names.post(slot.postId), assigned: slot.assigned, required: slot.required })}
        </li>
      ))}
      {props.slots.length > LISTED ? <li className="muted">{props.t('dashboard.more', { n: props.slots.length - LISTED })}</li> : null}
    </ul>
  );
}

/** The leave tab at the month of the oldest request waiting, showing only those waiting. */
function pendingFocus(board: Dashboard): AreaFocus {
  const oldest = [...board.pendingLeave.oldest].sort((a, b) => a.from.localeCompare(b.from))[0];
  return oldest ? { leave: { month: oldest.from.slice(0, 7), status: 'pending' } } : {};
}

function listSeparator(language: string): string {
  return language === 'zh-CN' ? '、' : ', ';
}
