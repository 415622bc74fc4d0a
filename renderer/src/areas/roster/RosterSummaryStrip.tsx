import type { RefObject } from 'react';
import { useAccess } from '../../components/access.tsx';
import type { RosterSummary } from '../../../../electron/contract/areas/roster.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { engineText, gapText, numberText, percentText, rangeLabel, solveStatusText, stampText, zonesLabel } from './roster-format.ts';

/** What the open roster is, how it was solved and how well it covers, with what can be done to it. */
export function RosterSummaryStrip(props: {
  summary: RosterSummary;
  zones: Zone[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  onPublish: () => void;
  onDiscard: () => void;
}) {
  const { t, language } = useI18n();
  const publishes = useAccess().can('roster/publish');
  const { summary } = props;
  const draft = summary.status === 'draft';
  const figures = [
    ['engine', t('roster.summary.engine'), engineText(summary, t), ''],
    ['solveStatus', t('roster.summary.solveStatus'), solveStatusText(summary.solveStatus, t), summary.solveStatus ? `solve-${summary.solveStatus}` : ''],
    ['seconds', t('roster.summary.seconds'), summary.seconds === null ? '—' : t('roster.secondsValue', { seconds: numberText(summary.seconds, 1) }), ''],
    ['gap', t('roster.summary.gap'), gapText(summary.gap), ''],
    ['unmet', t('roster.summary.unmet'), t('roster.staffShifts', { n: summary.unmetStaffShifts }), summary.unmetStaffShifts > 0 ? 'figure-alert' : 'figure-good'],
    ['resilience', t('roster.summary.resilience'), percentText(summary.resilienceShare, 1), summary.resilienceShare < 0.9 ? 'figure-warn' : 'figure-good'],
  ] as const;
  return (
    <section className="roster-summary" aria-labelledby="roster-summary-title" data-testid="roster-summary">
      <div className="roster-summary-head">
        <h2 id="roster-summary-title" ref={props.headingRef} tabIndex={-1}>
          {rangeLabel(summary.from, summary.to, t)}
          <span className="summary-zones">{zonesLabel(summary.zoneIds, props.zones, language, t)}</span>
        </h2>
        <span className={`status-badge status-${summary.status}`} data-testid="roster-status">
          {t(`roster.status.${summary.status}`)}
        </span>
        <span className="muted summary-stamp">
          {summary.publishedAt ? t('roster.publishedAt', { at: stampText(summary.publishedAt) }) : t('roster.createdAt', { at: stampText(summary.createdAt) })}
        </span>
        <span className="toolbar-spacer" />
        {draft && publishes ? (
          <div className="roster-actions">
            <button type="button" onClick={props.onDiscard} disabled={props.busy}>
              {t('roster.discard')}
            </button>
            <button type="button" className="primary" onClick={props.onPublish} disabled={props.busy}>
              {t('roster.publish')}
            </button>
          </div>
        ) : null}
      </div>
      <dl className="summary-figures">
        {figures.map(([key, label, value, tone]) => (
          <div key={key} className={tone} data-testid={`summary-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
