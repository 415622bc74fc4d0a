import { useCallback, useEffect, useState } from 'react';
import type { BusinessType } from '../../../../electron/contract/areas/demand.ts';
import type { ImportReport } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { ImportDialog } from '../../components/ImportDialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorText, waitText } from './format.ts';
import type { DemandTabProps } from './tab-props.ts';

/** 导入: the queue system's tickets, and the business types they are counted under. */
export function ImportTab(props: DemandTabProps) {
  const { t, language } = useI18n();
  const { onNotice, centre } = props;
  const [types, setTypes] = useState<BusinessType[] | null>(null);
  const [importing, setImporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setTypes(await call('demand/businessTypes', {}));
    } catch (caught) {
      onNotice(errorText(caught, t), 'error');
    }
  }, [onNotice, t]);
  useEffect(() => void load(), [load]);

  const nameOf = (item: { nameZh: string; nameEn: string } | undefined) => (item ? (language === 'zh-CN' ? item.nameZh : item.nameEn) : '—');
  return (
    <div className="demand-tab">
      <section className="demand-section import-help" aria-labelledby="demand-import-title">
        <div className="toolbar">
          <h2 id="demand-import-title">{t('demand.import.title')}</h2>
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            {t('demand.import.open')}
          </button>
        </div>
        <p>{t('demand.import.hint')}</p>
        <ol className="import-shapes">
          <li>
            <strong>{t('demand.import.shapeTickets')}</strong>
            <br />
            <span className="muted">{t('demand.import.shapeTicketsNote')}</span>
          </li>
          <li>
            <strong>{t('demand.import.shapeDaily')}</strong>
            <br />
            <span className="muted">{t('demand.import.shapeDailyNote')}</span>
          </li>
        </ol>
      </section>
      <section className="demand-section" aria-labelledby="demand-types-title">
        <h2 id="demand-types-title">{t('demand.types.title')}</h2>
        {types === null ? (
          <p role="status" className="progress">{t('demand.types.loading')}</p>
        ) : types.length === 0 ? (
          <p className="muted">{t('demand.types.none')}</p>
        ) : (
          <div className="demand-scroll types-scroll">
            <table className="plain-table demand-types" aria-labelledby="demand-types-title">
              <thead>
                <tr>
                  <th scope="col">{t('demand.types.code')}</th>
                  <th scope="col">{t('demand.types.name')}</th>
                  <th scope="col">{t('demand.types.zone')}</th>
                  <th scope="col">{t('demand.types.skill')}</th>
                  <th scope="col" className="num">{t('demand.types.handle')}</th>
                  <th scope="col">{t('demand.types.active')}</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type, rowIndex) => (
                  <tr key={type.id} data-row-index={rowIndex} data-code={type.code} className={type.active ? undefined : 'muted'}>
                    <td>{type.code}</td>
                    <td>{nameOf(type)}</td>
                    <td>{nameOf(centre.zones.find((zone) => zone.id === type.zoneId))}</td>
                    <td>{nameOf(centre.posts.find((post) => post.id === type.postId))}</td>
                    <td className="num" data-col="handle">{type.meanHandleSeconds === null ? t('demand.noData') : waitText(type.meanHandleSeconds, t)}</td>
                    <td>{type.active ? t('demand.types.isActive') : t('demand.types.inactive')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {importing ? (
        <ImportDialog
          title={t('demand.import.title')}
          check={(upload) => call('demand/importCheck', upload)}
          apply={async (upload, goodRowsOnly) => t('demand.import.applied', { written: (await call('demand/importApply', { ...upload, goodRowsOnly })).written })}
          summary={(report: ImportReport) => t('demand.import.report', { total: report.totalRows, good: report.goodRows, bad: report.errors.length })}
          problemPrefixes={['demand.importProblem.']}
          applyAllLabel={t('demand.import.applyAll')}
          applyGoodLabel={(good) => t('demand.import.applyGood', { good })}
          summaryTestId="demand-import-summary"
          onClose={() => setImporting(false)}
          onDone={(text) => {
            setImporting(false);
            onNotice(text, 'ok');
            void load();
          }}
        />
      ) : null}
    </div>
  );
}
