import { useRef, useState, type ReactNode } from 'react';
import type { ImportReport, TransferFormat, TransferKind } from '../../../electron/contract/model.ts';
import { call } from '../api/client.ts';
import { downloadPayload } from '../api/files.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ImportDialog } from './ImportDialog.tsx';

/**
 * Import, export and template buttons for one kind of data. An import is checked in full first;
 * the user sees every bad row and chooses to import all (only when clean) or only the good rows.
 */
export function TransferControls(props: { kind: TransferKind; onImported: () => void; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const [importing, setImporting] = useState(false);

  async function download(channel: 'transfer/export' | 'transfer/template', format: TransferFormat) {
    try {
      downloadPayload(await call(channel, { kind: props.kind, format }));
    } catch (caught) {
      props.onNotice(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }), 'error');
    }
  }

  return (
    <div className="transfer-controls" role="group" aria-label={t('transfer.export')}>
      <button type="button" onClick={() => setImporting(true)}>{t('transfer.import')}</button>
      <MenuButton label={t('transfer.export')}>
        <button type="button" onClick={() => void download('transfer/export', 'xlsx')}>{t('transfer.exportXlsx')}</button>
        <button type="button" onClick={() => void download('transfer/export', 'csv')}>{t('transfer.exportCsv')}</button>
      </MenuButton>
      <MenuButton label={t('transfer.template')}>
        <button type="button" onClick={() => void download('transfer/template', 'xlsx')}>{t('transfer.templateXlsx')}</button>
        <button type="button" onClick={() => void download('transfer/template', 'csv')}>{t('transfer.templateCsv')}</button>
      </MenuButton>
      {importing ? (
        <ImportDialog
          title={t('transfer.title', { kind: t(`transfer.kind.${props.kind}`) })}
          check={(upload) => call('transfer/check', upload)}
          apply={async (upload, goodRowsOnly) => {
            const result = await call('transfer/apply', { ...upload, goodRowsOnly });
            return result.written === 0 ? t('transfer.nothingToDo') : t('transfer.applied', { written: result.written });
          }}
          summary={(report: ImportReport) =>
            t('transfer.report', { total: report.totalRows, good: report.goodRows, bad: report.errors.length, create: report.toCreate, update: report.toUpdate, same: report.unchanged })
          }
          applyAllLabel={t('transfer.applyAll')}
          applyGoodLabel={(good) => t('transfer.applyGood', { good })}
          summaryTestId="import-summary"
          onClose={() => setImporting(false)}
          onDone={(text) => {
            setImporting(false);
            props.onNotice(text, 'ok');
            props.onImported();
          }}
        />
      ) : null}
    </div>
  );
}

/** A small drop-down on <details>: keyboard-reachable, closes when one of its items is chosen. */
function MenuButton(props: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details className="menu-button" ref={ref} onClick={(event) => (event.target as HTMLElement).tagName === 'BUTTON' && ref.current?.removeAttribute('open')}>
      <summary>{props.label}</summary>
      <div className="menu-items">{props.children}</div>
    </details>
  );
}
