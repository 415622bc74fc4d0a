import { useId, useMemo, useState } from 'react';
import type { RosterCoverageCell } from '../../../../electron/contract/areas/roster.ts';
import type { Centre, Post } from '../../../../electron/contract/model.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { weekdayIndex } from './period.ts';
import { dayLabel, zoneName } from './roster-format.ts';
import { coveragePosts, coverageRows, coverageState, coverageTotals, lacksBackup } from './roster-view.ts';

/**
 * Required against assigned for every day, shift and post: short cells in red, and a corner mark
 * where the people on duty have nobody who could take over from them (no N-1 backup).
 */
export function CoverageTable(props: {
  coverage: RosterCoverageCell[];
  centre: Centre;
  byShift: (a: string, b: string) => number;
  byPost: (a: number, b: number) => number;
  postName: (post: Post) => string;
  shiftName: (code: string) => string;
}) {
  const { t, language } = useI18n();
  const filterId = useId();
  const [onlyShort, setOnlyShort] = useState(false);
  const rows = useMemo(() => coverageRows(props.coverage, props.byShift), [props.coverage, props.byShift]);
  const postIds = useMemo(() => coveragePosts(props.coverage, props.byPost), [props.coverage, props.byPost]);
  const totals = useMemo(() => coverageTotals(props.coverage), [props.coverage]);
  const posts = postIds.map((id) => props.centre.posts.find((post) => post.id === id) ?? { id, code: String(id), zoneId: null, nameZh: String(id), nameEn: String(id), function: 'intake' as const });
  const groups = zoneGroups(posts);
  const zoneFirst = new Set(groups.map((group) => group.posts[0]?.id));
  const shown = onlyShort ? rows.filter((row) => row.short > 0) : rows;

  return (
    <div className="coverage-view">
      <div className="toolbar">
        <p className="coverage-totals" data-testid="coverage-totals">
          {t('roster.coverage.totals', { slots: totals.slots, short: totals.short, missing: totals.missing, noBackup: totals.withoutBackup })}
        </p>
        <label className="check-row" htmlFor={filterId}>
          <input id={filterId} type="checkbox" checked={onlyShort} onChange={(event) => setOnlyShort(event.target.checked)} />
          {t('roster.coverage.onlyShort')}
        </label>
        <span className="toolbar-spacer" />
        <p className="coverage-legend muted" aria-hidden="true">
          <span className="legend-swatch cov-short">2/3</span> {t('roster.coverage.legendShort')}
          <span className="legend-swatch cov-met no-backup">1/1</span> {t('roster.coverage.legendNoBackup')}
        </p>
      </div>
      <div className="roster-scroll coverage-scroll" role="region" aria-label={t('roster.tab.coverage')} tabIndex={0}>
        <table className="roster-table coverage-table" aria-label={t('roster.tab.coverage')}>
          <thead>
            <tr className="cov-zone-row">
              <th scope="col" rowSpan={2} className="col-date">{t('roster.coverage.date')}</th>
              <th scope="col" rowSpan={2} className="col-shift">{t('roster.coverage.shift')}</th>
              {groups.map((group) => (
                <th key={group.key} scope="colgroup" colSpan={group.posts.length} className="cov-zone">
                  {group.zoneId === null ? t('roster.hallWide') : zoneName(props.centre.zones.find((zone) => zone.id === group.zoneId), language)}
                </th>
              ))}
              <th scope="col" rowSpan={2} className="num col-missing">{t('roster.coverage.missing')}</th>
            </tr>
            <tr className="cov-post-row">
              {posts.map((post) => (
                <th key={post.id} scope="col" className={zoneFirst.has(post.id) ? 'zone-first' : undefined} title={language === 'zh-CN' ? post.nameZh : post.nameEn}>
                  {props.postName(post)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => {
              const firstOfDay = index === 0 || shown[index - 1]?.date !== row.date;
              return (
                <tr
                  key={`${row.date}|${row.shiftCode}`}
                  data-row-index={index}
                  data-date={row.date}
                  data-shift={row.shiftCode}
                  className={`${firstOfDay ? 'day-start' : ''}${weekdayIndex(row.date) >= 5 ? ' weekend-row' : ''}`}
                >
                  <th scope="row" className="col-date">{firstOfDay ? dayLabel(row.date, t) : ''}</th>
                  <td className="col-shift">{props.shiftName(row.shiftCode)}</td>
                  {posts.map((post) => {
                    const cell = row.cells.get(post.id);
                    const edge = zoneFirst.has(post.id) ? ' zone-first' : '';
                    if (!cell) return <td key={post.id} data-col={`post-${post.id}`} className={`num cov-none${edge}`} />;
                    const state = coverageState(cell);
                    const noBackup = lacksBackup(cell);
                    return (
                      <td
                        key={post.id}
                        data-col={`post-${post.id}`}
                        data-state={state}
                        data-backup={String(cell.backup)}
                        className={`num cov-${state}${noBackup ? ' no-backup' : ''}${edge}`}
                        title={cellTitle(cell, noBackup, t)}
                      >
                        {state === 'idle' ? '·' : `${cell.assigned}/${cell.required}`}
                        {noBackup ? <span className="visually-hidden">{t('roster.coverage.noBackupShort')}</span> : null}
                      </td>
                    );
                  })}
                  <td className={row.short > 0 ? 'num col-missing cov-short' : 'num col-missing'} data-col="missing">
                    {row.short > 0 ? row.short : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 ? <p className="muted empty-line">{t('roster.coverage.noneShort')}</p> : null}
      </div>
    </div>
  );
}

function cellTitle(cell: RosterCoverageCell, noBackup: boolean, t: ReturnType<typeof useI18n>['t']): string {
  const base = t('roster.coverage.cellTitle', { assigned: cell.assigned, required: cell.required });
  return noBackup ? `${base}；${t('roster.coverage.noBackup')}` : base;
}

function zoneGroups(posts: Post[]): { key: string; zoneId: number | null; posts: Post[] }[] {
  const groups: { key: string; zoneId: number | null; posts: Post[] }[] = [];
  for (const post of posts) {
    const last = groups[groups.length - 1];
    if (last && last.zoneId === post.zoneId) last.posts.push(post);
    else groups.push({ key: `${post.zoneId ?? 'hall'}-${groups.length}`, zoneId: post.zoneId, posts: [post] });
  }
  return groups;
}
