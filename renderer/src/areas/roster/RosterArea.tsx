import { useCallback, useEffect, useRef, useState } from 'react';
import { inDomains, useChanges } from '../../components/changes.ts';
import type { ShiftTemplate } from '../../../../electron/contract/areas/calendar.ts';
import type { RosterCalendarReview, RosterJob, RosterSummary, RosterView } from '../../../../electron/contract/areas/roster.ts';
import type { AppInfo, Centre } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { downloadPayload } from '../../api/files.ts';
import { Notice } from '../../components/Notice.tsx';
import { useLatest } from '../../components/use-latest.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFocusAfterRender, useRosterNames } from './hooks.ts';
import { ImportRosterDialog } from './ImportRosterDialog.tsx';
import { defaultPeriod, periodOfRoster } from './period.ts';
import { DiscardConfirmDialog, ReplaceConfirmDialog } from './RosterDialogs.tsx';
import { RecentRosters } from './RecentRosters.tsx';
import { CalendarReviewList } from './CalendarReviewList.tsx';
import { NoRosterOpen, RosterResult, type ResultTab } from './RosterResult.tsx';
import { RosterToolbar, TIME_LIMIT, type SolveSettings } from './RosterToolbar.tsx';
import { useErrorText } from './errors.ts';
import { periodLabel, rangeLabel, zonesLabel } from './roster-format.ts';
import { SolveProgressDialog, type SolveRequest } from './SolveProgressDialog.tsx';
import './roster.css';

type Tab = ResultTab | 'recent';
type OpenDialog = 'import' | 'replace' | 'discard' | null;

/** 排班: generate a week's or month's roster, look at the draft's coverage and gaps, publish it. */
export function RosterArea({ centre, info }: { centre: Centre; info: AppInfo }) {
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<SolveSettings>(() => ({
    period: defaultPeriod('week', info.today),
    zoneIds: centre.zones.map((zone) => zone.id),
    timeLimitSeconds: TIME_LIMIT.initial,
  }));
  const [solving, setSolving] = useState<SolveRequest | null>(null);
  const [view, setView] = useState<RosterView | null>(null);
  const [rosters, setRosters] = useState<RosterSummary[] | null>(null);
  /** Published rosters whose days a confirmed notice (or a corrected day) changed kind. */
  const [review, setReview] = useState<RosterCalendarReview[]>([]);
  const [shifts, setShifts] = useState<ShiftTemplate[]>([]);
  const [tab, setTab] = useState<Tab>('grid');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const generateRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<HTMLElement | null>(null);
  const say = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setNotice({ text, tone }), []);

  const reloadList = useCallback(async () => {
    try {
      setRosters(await call('roster/list', {}));
      setReview(await call('roster/calendarReview', {}));
    } catch (caught) {
      setRosters([]);
      say(errorText(caught), 'error');
    }
  }, [say, errorText]);
  // A roster published or discarded on another desktop shows in the list here.
  useChanges((change) => inDomains(change, ['roster', 'board']), () => void reloadList());

  // Loaded once: the shift names and the list do not change while the area is open, except by us
  // (and the change stream reloads the list). A language switch must not load them again.
  const firstLoad = useLatest({ reloadList, say, errorText });
  useEffect(() => {
    const { reloadList: load, say: tell, errorText: wording } = firstLoad.current;
    void load();
    call('shifts/list', {}).then(setShifts, (caught: unknown) => tell(wording(caught), 'error'));
  }, [firstLoad]);

  const { names, orders, postLabel } = useRosterNames(centre, shifts);
  const focusSoon = useFocusAfterRender();

  const openRoster = useCallback(
    async (rosterId: number, options: { syncToolbar?: boolean } = {}) => {
      const next = await call('roster/get', { rosterId });
      setView(next);
      setTab((current) => (current === 'recent' ? 'grid' : current));
      if (options.syncToolbar) setSettings((current) => ({ ...current, period: periodOfRoster(next.summary), zoneIds: next.summary.zoneIds }));
      focusSoon(() => headingRef.current);
      return next;
    },
    [focusSoon],
  );

  /** After a board edit: the summary's figures, the coverage and the gaps as they now stand. */
  const refreshView = useCallback(async () => {
    if (!view) return;
    try {
      setView(await call('roster/get', { rosterId: view.summary.id }));
    } catch (caught) {
      say(errorText(caught), 'error');
    }
  }, [view, say, errorText]);

  const generate = () => {
    setNotice(null);
    setSolving({ from: settings.period.from, days: settings.period.days, zoneIds: settings.zoneIds, timeLimitSeconds: settings.timeLimitSeconds });
  };

  const onSolveEnded = useCallback(
    async (job: RosterJob) => {
      setSolving(null);
      try {
        if (job.rosterId !== null) {
          const opened = await openRoster(job.rosterId);
          setTab('grid');
          say(job.state === 'cancelled' ? t('roster.solve.cancelledKept') : t('roster.solve.done', { period: rangeLabel(opened.summary.from, opened.summary.to, t) }));
        } else {
          say(t('roster.solve.cancelled'));
          focusSoon(() => generateRef.current);
        }
      } catch (caught) {
        say(errorText(caught), 'error');
      }
      void reloadList();
    },
    [openRoster, reloadList, say, t, errorText, focusSoon],
  );

  const handleSolveEnded = useCallback((job: RosterJob) => void onSolveEnded(job), [onSolveEnded]);

  const openDialog = (which: Exclude<OpenDialog, null>) => {
    focusAfter.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(which);
  };
  const closeDialog = () => {
    setDialog(null);
    focusSoon(() => (focusAfter.current?.isConnected ? focusAfter.current : (headingRef.current ?? generateRef.current)));
  };

  const publish = async (replacePublished: boolean) => {
    if (!view) return;
    if (!replacePublished && view.replaces.length > 0) return openDialog('replace');
    setBusy(true);
    try {
      await call('roster/publish', { rosterId: view.summary.id, replacePublished });
      setDialog(null);
      const opened = await openRoster(view.summary.id);
      say(t('roster.published', { period: rangeLabel(opened.summary.from, opened.summary.to, t) }));
      void reloadList();
    } catch (caught) {
      // A roster published over these days since the draft was opened: show what would be replaced.
      // Any other refusal (the draft was published or discarded elsewhere) is said as it is.
      const fresh = caught instanceof ApiError && caught.error.code === 'conflict' && !replacePublished ? await call('roster/get', { rosterId: view.summary.id }).catch(() => null) : null;
      if (fresh) setView(fresh);
      if (fresh?.summary.status === 'draft' && fresh.replaces.length > 0) openDialog('replace');
      else say(errorText(caught), 'error');
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    if (!view) return;
    setBusy(true);
    try {
      await call('roster/discard', { rosterId: view.summary.id });
      setDialog(null);
      setView(null);
      setTab('recent');
      say(t('roster.discarded', { period: rangeLabel(view.summary.from, view.summary.to, t) }));
      focusSoon(() => generateRef.current);
      void reloadList();
    } catch (caught) {
      say(errorText(caught), 'error');
    } finally {
      setBusy(false);
    }
  };

  const exportScenario = async () => {
    try {
      const file = await call('roster/exportScenario', { from: settings.period.from, days: settings.period.days, zoneIds: settings.zoneIds });
      downloadPayload(file);
      say(t('roster.exported', { file: file.fileName }));
    } catch (caught) {
      say(errorText(caught), 'error');
    }
  };

  const target = `${periodLabel(settings.period, t)} · ${zonesLabel(settings.zoneIds, centre.zones, language, t)}`;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'grid', label: t('roster.tab.grid') },
    { id: 'coverage', label: t('roster.tab.coverage') },
    { id: 'gaps', label: view ? t('roster.tab.gapsCount', { n: view.gaps.length }) : t('roster.tab.gaps') },
    { id: 'changes', label: t('board.tab.changes') },
    { id: 'recent', label: rosters ? t('roster.tab.recentCount', { n: rosters.length }) : t('roster.tab.recent') },
  ];
  return (
    <section className="area roster-area" aria-labelledby="roster-title">
      <header className="area-header">
        <h1 id="roster-title">{t('nav.roster')}</h1>
        <span className="muted">{t('roster.subtitle')}</span>
      </header>
      <RosterToolbar
        centre={centre}
        today={info.today}
        settings={settings}
        onChange={setSettings}
        busy={solving !== null}
        generateRef={generateRef}
        onGenerate={generate}
        onExport={() => void exportScenario()}
        onImport={() => openDialog('import')}
      />
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <CalendarReviewList reviews={review} />
      <Tabs label={t('nav.roster')} idPrefix="roster" tabs={tabs} current={tab} onChange={setTab} />
      <div role="tabpanel" id={`roster-panel-${tab}`} aria-labelledby={`roster-tab-${tab}`} className="tab-panel roster-panel">
        {tab === 'recent' ? (
          <RecentRosters
            rosters={rosters}
            zones={centre.zones}
            openId={view?.summary.id ?? null}
            onOpen={(roster) => void openRoster(roster.id, { syncToolbar: true }).catch((caught: unknown) => say(errorText(caught), 'error'))}
          />
        ) : view ? (
          <RosterResult
            view={view}
            tab={tab}
            centre={centre}
            names={names}
            orders={orders}
            postLabel={postLabel}
            headingRef={headingRef}
            busy={busy}
            onPublish={() => void publish(false)}
            onDiscard={() => openDialog('discard')}
            onBoardChanged={() => void refreshView()}
            onShowChanges={() => setTab('changes')}
          />
        ) : (
          <NoRosterOpen
            action={
              rosters && rosters.length > 0 ? (
                <button type="button" onClick={() => setTab('recent')}>
                  {t('roster.showRecent')}
                </button>
              ) : null
            }
          />
        )}
      </div>
      {solving ? (
        <SolveProgressDialog
          request={solving}
          title={t('roster.progress.title', { target })}
          onEnded={handleSolveEnded}
          onClose={() => {
            setSolving(null);
            focusSoon(() => generateRef.current);
          }}
        />
      ) : null}
      {dialog === 'import' ? (
        <ImportRosterDialog
          target={{ from: settings.period.from, days: settings.period.days, zoneIds: settings.zoneIds }}
          targetLabel={target}
          onClose={closeDialog}
          onImported={(summary) => {
            setDialog(null);
            void openRoster(summary.id)
              .then(() => {
                setTab('grid');
                say(t('roster.imported', { period: rangeLabel(summary.from, summary.to, t) }));
              })
              .catch((caught: unknown) => say(errorText(caught), 'error'))
              .finally(() => void reloadList());
          }}
        />
      ) : null}
      {dialog === 'replace' && view ? (
        <ReplaceConfirmDialog replaces={view.replaces} zones={centre.zones} busy={busy} onConfirm={() => void publish(true)} onClose={closeDialog} />
      ) : null}
      {dialog === 'discard' && view ? <DiscardConfirmDialog summary={view.summary} busy={busy} onConfirm={() => void discard()} onClose={closeDialog} /> : null}
    </section>
  );
}
