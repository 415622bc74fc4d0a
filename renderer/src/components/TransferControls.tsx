import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportReport, TransferFormat, TransferKind } from '../../../electron/contract/model.ts';
import { ApiError, call } from '../api/client.ts';
import { downloadPayload } from '../api/files.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { useLatest } from './use-latest.ts';

type IdNumbers = 'masked' | 'full';

/**
 * Import, export and template buttons for one kind of data. An import is checked in full first;
 * the user sees every bad row and chooses to import all (only when clean) or only the good rows.
 */
export function TransferControls(props: { kind: TransferKind; onImported: () => void; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const [importing, setImporting] = useState(false);
  /** A staff export waiting for the user to say whether resident IDs go out in full. */
  const [confirming, setConfirming] = useState<TransferFormat | null>(null);

  async function download(channel: 'transfer/export' | 'transfer/template', format: TransferFormat, idNumbers: IdNumbers = 'masked') {
    try {
      downloadPayload(await (channel === 'transfer/export' ? call(channel, { kind: props.kind, format, idNumbers }) : call(channel, { kind: props.kind, format })));
    } catch (caught) {
      props.onNotice(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }), 'error');
    }
  }

  // Staff files carry people's identity: the user is told what the file holds before it is made.
  const exportAs = (format: TransferFormat) => (props.kind === 'staff' ? setConfirming(format) : void download('transfer/export', format));

  return (
    <div className="transfer-controls" role="group" aria-label={t('transfer.export')}>
      <button type="button" onClick={() => setImporting(true)}>{t('transfer.import')}</button>
      <MenuButton label={t('transfer.export')}>
        <button type="button" onClick={() => exportAs('xlsx')}>{t('transfer.exportXlsx')}</button>
        <button type="button" onClick={() => exportAs('csv')}>{t('transfer.exportCsv')}</button>
      </MenuButton>
      <MenuButton label={t('transfer.template')}>
        <button type="button" onClick={() => void download('transfer/template', 'xlsx')}>{t('transfer.templateXlsx')}</button>
        <button type="button" onClick={() => void download('transfer/template', 'csv')}>{t('transfer.templateCsv')}</button>
      </MenuButton>
      {confirming ? (
        <PersonalExportDialog
          onCancel={() => setConfirming(null)}
          onExport={(idNumbers) => {
            const format = confirming;
            setConfirming(null);
            void download('transfer/export', format, idNumbers);
          }}
          onNotice={props.onNotice}
        />
      ) : null}
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

/**
 * Before a staff file is written: how many people it holds and what of theirs, masked resident IDs
 * as the first choice, full ones only when asked for by name.
 */
function PersonalExportDialog(props: { onCancel: () => void; onExport: (idNumbers: IdNumbers) => void; onNotice: (text: string, tone: 'ok' | 'error') => void }) {
  const { t } = useI18n();
  const [count, setCount] = useState<number | null>(null);
  // Counted once when the dialog opens; the parent's notice callback may be new on each render.
  const notice = useLatest(props.onNotice);
  useEffect(() => {
    let live = true;
    call('staff/list', {}).then(
      (rows) => live && setCount(rows.length),
      (caught: unknown) => live && notice.current(t('app.error', { message: caught instanceof ApiError ? caught.error.message : String(caught) }), 'error'),
    );
    return () => {
      live = false;
    };
  }, [notice, t]);
  return (
    <Dialog title={t('transfer.personal.title')} onClose={props.onCancel}>
      <div className="form-stack">
        <p data-testid="personal-export-notice">{count === null ? t('transfer.checking') : t('transfer.personal.body', { count })}</p>
        <p>{t('transfer.personal.choice')}</p>
        <div className="form-actions">
          <button type="button" onClick={props.onCancel}>{t('form.cancel')}</button>
          <button type="button" onClick={() => props.onExport('full')} disabled={count === null}>{t('transfer.personal.full')}</button>
          <button type="button" className="primary" onClick={() => props.onExport('masked')} disabled={count === null}>{t('transfer.personal.masked')}</button>
        </div>
      </div>
    </Dialog>
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
