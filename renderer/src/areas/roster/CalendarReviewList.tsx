import type { RosterCalendarReview, RosterDayKind } from '../../../../electron/contract/areas/roster.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';

const kindName = (t: Translate, kind: RosterDayKind) => t(`review.kind.${kind}`);

/**
 * Published rosters whose days changed kind since they were made (a confirmed notice, a corrected
 * day), each with its days: shown after confirming a notice and on the roster screen.
 * `showNone`: say so when there is nothing to review (after confirming), rather than show nothing.
 */
export function CalendarReviewList({ reviews, showNone = false }: { reviews: readonly RosterCalendarReview[]; showNone?: boolean }) {
  const { t } = useI18n();
  if (reviews.length === 0) {
    return showNone ? <p className="calendar-review-none muted" role="status">{t('review.none')}</p> : null;
  }
  return (
    <section className="calendar-review" aria-label={t('review.title')} data-testid="calendar-review">
      <h3>{t('review.title')}</h3>
      <p className="hint">{t('review.hint')}</p>
      <ul>
        {reviews.map(({ roster, changes }) => (
          <li key={roster.id}>
            <strong>{t('review.roster', { id: roster.id, from: roster.from, to: roster.to })}</strong>
            <ul>
              {changes.map((change) => (
                <li key={change.date}>
                  {t('review.change', { date: change.date, was: kindName(t, change.was), now: kindName(t, change.now) })}
                  {change.holidayName ? ` · ${change.holidayName}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
