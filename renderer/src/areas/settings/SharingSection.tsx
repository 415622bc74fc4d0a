import { useCallback, useEffect, useState } from 'react';
import type { SharingStatus } from '../../../../electron/contract/areas/auth.ts';
import { ApiError, call } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Notify = (text: string, tone: 'ok' | 'error') => void;

/**
 * 局域网共享: this desktop hosts the data for the hall's desktops over HTTPS on one of its
 * addresses. Off by default; on, it shows the address to open and the certificate's fingerprint a
 * hall desktop confirms the first time it connects.
 */
export function SharingSection({ onNotice }: { onNotice: Notify }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<SharingStatus | null>(null);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(5443);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      const next = await call('sharing/get', {});
      setStatus(next);
      setAddress(next.address ?? next.addresses[0]?.address ?? '');
      setPort(next.port);
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }, [onNotice]);
  useEffect(() => void load(), [load]);
  const apply = async (enabled: boolean) => {
    setBusy(true);
    try {
      const next = await call('sharing/set', { enabled, address, port });
      setStatus(next);
      onNotice(enabled ? t('sharing.on', { url: next.url ?? '' }) : t('sharing.off'), 'ok');
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    } finally {
      setBusy(false);
    }
  };
  if (!status) return null;
  return (
    <section className="settings-group" aria-labelledby="sharing-title">
      <h2 id="sharing-title">{t('sharing.title')}</h2>
      <p className="muted">{t('sharing.explain')}</p>
      {status.unavailable ? (
        <p>{status.unavailable}</p>
      ) : (
        <>
          <div className="toolbar">
            <label className="month-picker">
              <span>{t('sharing.address')}</span>
              <select value={address} disabled={status.enabled} onChange={(event) => setAddress(event.target.value)}>
                {[...new Set([address, ...status.addresses.map((entry) => entry.address)])].filter((value) => value !== '').map((value) => {
                  const entry = status.addresses.find((candidate) => candidate.address === value);
                  return <option key={value} value={value}>{entry ? `${value}（${entry.interface}）` : value}</option>;
                })}
              </select>
            </label>
            <label className="month-picker">
              <span>{t('sharing.port')}</span>
              <input type="number" min={1024} max={65535} value={port} disabled={status.enabled} onChange={(event) => setPort(event.target.valueAsNumber)} />
            </label>
            {status.enabled ? (
              <button type="button" onClick={() => void apply(false)} disabled={busy}>{t('sharing.stop')}</button>
            ) : (
              <button type="button" className="primary" onClick={() => void apply(true)} disabled={busy || address === ''}>{t('sharing.start')}</button>
            )}
          </div>
          {status.enabled && status.url ? (
            <dl className="settings-facts" data-testid="sharing-status">
              <dt>{t('sharing.url')}</dt>
              <dd><code>{status.url}</code></dd>
              <dt>{t('sharing.fingerprint')}</dt>
              <dd><code data-testid="sharing-fingerprint">{status.fingerprint}</code></dd>
            </dl>
          ) : (
            <p data-testid="sharing-status">{t('sharing.isOff')}</p>
          )}
          {status.enabled ? <p className="hint">{t('sharing.howToConnect')}</p> : null}
        </>
      )}
    </section>
  );
}
