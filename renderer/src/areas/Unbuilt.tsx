import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import type { Area } from './areas.ts';

export function Unbuilt({ area }: { area: Area }) {
  const { t } = useI18n();
  const name = t(`nav.${area}` as MessageKey);
  return (
    <section className="area unbuilt" aria-labelledby="unbuilt-title">
      <h1 id="unbuilt-title">{t('unbuilt.title', { area: name })}</h1>
      <p>{t('unbuilt.body')}</p>
    </section>
  );
}
