import type { RosterGapView } from '../../../../electron/contract/areas/roster.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { dayLabel } from './roster-format.ts';

/** Every slot left short, by how many, and why in plain words: who could have filled it and what stopped them. */
export function GapList(props: { gaps: RosterGapView[]; postName: (postId: number) => string; shiftName: (code: string) => string }) {
  const { t, language } = useI18n();
  if (props.gaps.length === 0) return <p className="gap-none" data-testid="gap-none">{t('roster.gaps.none')}</p>;
  const missing = props.gaps.reduce((sum, gap) => sum + gap.missing, 0);
  return (
    <div className="gap-view">
      <p className="muted">{t('roster.gaps.count', { slots: props.gaps.length, missing })}</p>
      <div className="roster-scroll gap-scroll" role="region" aria-label={t('roster.tab.gaps')} tabIndex={0}>
        <table className="roster-table gap-table" aria-label={t('roster.tab.gaps')}>
          <thead>
            <tr>
              <th scope="col" className="col-date">{t('roster.coverage.date')}</th>
              <th scope="col">{t('roster.coverage.shift')}</th>
              <th scope="col">{t('roster.gaps.post')}</th>
              <th scope="col" className="num">{t('roster.gaps.missing')}</th>
              <th scope="col" className="col-reason">{t('roster.gaps.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {props.gaps.map((gap, index) => (
              <tr key={`${gap.date}|${gap.shiftCode}|${gap.postId}`} data-row-index={index}>
                <th scope="row" className="col-date">{dayLabel(gap.date, t)}</th>
                <td data-col="shift">{props.shiftName(gap.shiftCode)}</td>
                <td data-col="post">{props.postName(gap.postId)}</td>
                <td data-col="missing" className="num gap-missing">{gap.missing}</td>
                <td data-col="reason" className="col-reason">{language === 'zh-CN' ? gap.reasonZh : gap.reasonEn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
