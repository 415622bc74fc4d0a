import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, BackupFile, Language } from '../../../../electron/contract/model.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccess } from '../../components/access.tsx';
import { AccountsSection } from './AccountsSection.tsx';
import { SharingSection } from './SharingSection.tsx';

const LANGUAGES: Language[] = ['zh-CN', 'en'];

export function SettingsArea({ info }: { info: AppInfo }) {
  const { t, language, setLanguage } = useI18n();
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const { can } = useAccess();
  const managesData = can('backup/list');
  const onNotice = useCallback((text: string, tone: 'ok' | 'error') => setNotice({ text, tone }), []);

  const reload = useCallback(async () => {
    if (managesData) setBackups(await call('backup/list', {}));
  }, [managesData]);
  useEffect(() => void reload(), [reload]);

  async function guarded(work: () => Promise<void>) {
    try {
      await work();
    } catch (caught) {
      setNotice({ text: t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }), tone: 'error' });
    }
  }

  const backupNow = () =>
    guarded(async () => {
      const made = await call('backup/create', {});
      setNotice({ text: t('settings.backupDone', { file: made.fileName }), tone: 'ok' });
      await reload();
    });

  const restore = (fileName: string) =>
    guarded(async () => {
      if (!window.confirm(t('settings.restoreConfirm', { file: fileName }))) return;
      await call('backup/restore', { fileName });
      setNotice({ text: t('settings.restoreDone', { file: fileName }), tone: 'ok' });
      // Every area holds data from the old file: start the page afresh.
      window.location.reload();
    });

  return (
    <section className="area settings-area" aria-labelledby="settings-title">
      <header className="area-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <span className="muted">{t('settings.version', { version: info.appVersion, schema: info.schemaVersion })}</span>
      </header>
      <Notice text={notice?.text ?? null} tone={notice?.tone} />
      <fieldset className="settings-group">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name="language" value={option} checked={language === option} onChange={() => void guarded(() => setLanguage(option))} />
            {t(`lang.${option}`)}
          </label>
        ))}
      </fieldset>
      <dl className="settings-facts">
        <dt>{t('settings.dataFile')}</dt>
        <dd><code>{info.dataFile}</code></dd>
        <dt>{t('settings.backupDir')}</dt>
        <dd><code>{info.backupDir}</code></dd>
      </dl>
      {can('accounts/list') ? <AccountsSection onNotice={onNotice} /> : null}
      {can('sharing/get') ? <SharingSection onNotice={onNotice} /> : null}
      {managesData ? (
      <section className="settings-group" aria-labelledby="backups-title">
        <h2 id="backups-title">{t('settings.backups')}</h2>
        <p className="muted">{t('settings.backupsExplain')}</p>
        <button type="button" className="primary" onClick={() => void backupNow()}>{t('settings.backupNow')}</button>
        {backups.length === 0 ? (
          <p>{t('settings.noBackups')}</p>
        ) : (
          <table className="plain-table" data-testid="backups">
            <thead>
              <tr>
                <th scope="col">{t('settings.backupTime')}</th>
                <th scope="col">{t('settings.backupFile')}</th>
                <th scope="col">{t('settings.backupSize')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.restore')}</span></th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.fileName}>
                  <td>{new Date(backup.createdAt).toLocaleString(language)}</td>
                  <td><code>{backup.fileName}</code></td>
                  <td>{(backup.sizeBytes / 1024).toFixed(0)} KB</td>
                  <td>
                    <button type="button" onClick={() => void restore(backup.fileName)} aria-label={`${t('settings.restore')} ${backup.fileName}`}>
                      {t('settings.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      ) : null}
    </section>
  );
}
