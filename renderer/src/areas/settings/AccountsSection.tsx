import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Account, Role } from '../../../../electron/contract/areas/auth.ts';
import type { Zone } from '../../../../electron/contract/model.ts';
import { ApiError, call } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useFormFailure } from '../../components/use-form-failure.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Notify = (text: string, tone: 'ok' | 'error') => void;
const ROLES: readonly Role[] = ['dispatcher', 'lead', 'viewer'];

type Editing = { mode: 'create' } | { mode: 'edit'; account: Account } | { mode: 'reset'; account: Account };

/** 账号与权限: who may sign in, with which role, and for a shift lead which zones. */
export function AccountsSection({ onNotice }: { onNotice: Notify }) {
  const { t, language } = useI18n();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [zones, setZones] = useState<Zone[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const load = useCallback(async () => {
    try {
      const [list, centre] = await Promise.all([call('accounts/list', {}), call('centre/get', {})]);
      setAccounts(list);
      setZones(centre.zones);
    } catch (caught) {
      onNotice(caught instanceof ApiError ? caught.error.message : String(caught), 'error');
    }
  }, [onNotice]);
  useEffect(() => void load(), [load]);
  const zoneNames = (ids: number[]) => ids.map((id) => zones.find((zone) => zone.id === id)).map((zone) => (zone ? (language === 'zh-CN' ? zone.nameZh : zone.nameEn) : '')).join('、');
  const saved = async (text: string) => {
    setEditing(null);
    onNotice(text, 'ok');
    await load();
  };
  return (
    <section className="settings-group" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accounts.title')}</h2>
      <p className="muted">{t('accounts.explain')}</p>
      <table className="plain-table" data-testid="accounts">
        <thead>
          <tr>
            <th scope="col">{t('accounts.username')}</th>
            <th scope="col">{t('accounts.displayName')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.zones')}</th>
            <th scope="col">{t('accounts.state')}</th>
            <th scope="col"><span className="visually-hidden">{t('accounts.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-username={account.username}>
              <td><code>{account.username}</code></td>
              <td>{account.displayName}</td>
              <td>{t(`auth.role.${account.role}`)}</td>
              <td>{account.role === 'lead' ? zoneNames(account.zoneIds) : '—'}</td>
              <td>{!account.active ? t('accounts.disabled') : account.lockedUntil ? t('accounts.locked', { until: account.lockedUntil.slice(0, 16).replace('T', ' ') }) : t('accounts.active')}</td>
              <td className="row-actions">
                <button type="button" onClick={() => setEditing({ mode: 'edit', account })}>{t('accounts.edit')}</button>
                <button type="button" onClick={() => setEditing({ mode: 'reset', account })}>{t('accounts.reset')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setEditing({ mode: 'create' })}>{t('accounts.create')}</button>
      {editing?.mode === 'reset' ? (
        <ResetDialog account={editing.account} onClose={() => setEditing(null)} onSaved={() => void saved(t('accounts.resetDone', { name: editing.account.displayName }))} />
      ) : editing ? (
        <AccountDialog
          account={editing.mode === 'edit' ? editing.account : null}
          zones={zones}
          onClose={() => setEditing(null)}
          onSaved={(account) => void saved(t('accounts.saved', { name: account.displayName }))}
        />
      ) : null}
    </section>
  );
}

function AccountDialog({ account, zones, onClose, onSaved }: { account: Account | null; zones: Zone[]; onClose: () => void; onSaved: (account: Account) => void }) {
  const { t, language } = useI18n();
  const { failure, run, fieldError } = useFormFailure('accounts');
  const [draft, setDraft] = useState({
    username: account?.username ?? '',
    displayName: account?.displayName ?? '',
    role: account?.role ?? ('lead' as Role),
    zoneIds: account?.zoneIds ?? [],
    active: account?.active ?? true,
    password: '',
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const zoneIds = draft.role === 'lead' ? draft.zoneIds : [];
      onSaved(
        account
          ? await call('accounts/update', { id: account.id, version: account.version, displayName: draft.displayName, role: draft.role, zoneIds, active: draft.active })
          : await call('accounts/create', { username: draft.username, displayName: draft.displayName, role: draft.role, zoneIds, password: draft.password }),
      );
    });
  };
  const toggleZone = (id: number) => setDraft({ ...draft, zoneIds: draft.zoneIds.includes(id) ? draft.zoneIds.filter((zone) => zone !== id) : [...draft.zoneIds, id] });
  return (
    <Dialog title={account ? t('accounts.editTitle', { name: account.displayName }) : t('accounts.createTitle')} onClose={onClose} wide>
      <form className="form-grid" onSubmit={submit}>
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        <Field label={t('accounts.username')} error={fieldError('username')} required>
          <input value={draft.username} disabled={account !== null} maxLength={32} onChange={(event) => setDraft({ ...draft, username: event.target.value })} />
        </Field>
        <Field label={t('accounts.displayName')} error={fieldError('displayName')} required>
          <input value={draft.displayName} maxLength={40} onChange={(event) => setDraft({ ...draft, displayName: event.target.value })} />
        </Field>
        <Field label={t('accounts.role')}>
          <select value={draft.role} onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>{t(`auth.role.${role}`)}</option>
            ))}
          </select>
        </Field>
        {account ? (
          <label className="radio">
            <input type="checkbox" checked={draft.active} onChange={(event) => setDraft({ ...draft, active: event.target.checked })} />
            {t('accounts.activeBox')}
          </label>
        ) : (
          <Field label={t('auth.newPassword')} error={fieldError('password')} required>
            <input type="password" autoComplete="new-password" value={draft.password} onChange={(event) => setDraft({ ...draft, password: event.target.value })} />
          </Field>
        )}
        {draft.role === 'lead' ? (
          <fieldset className="settings-group zone-choice">
            <legend>{t('accounts.zones')}</legend>
            {zones.map((zone) => (
              <label key={zone.id} className="radio">
                <input type="checkbox" checked={draft.zoneIds.includes(zone.id)} onChange={() => toggleZone(zone.id)} />
                {language === 'zh-CN' ? zone.nameZh : zone.nameEn}
              </label>
            ))}
          </fieldset>
        ) : null}
        <p className="hint">{t(`accounts.roleExplain.${draft.role}`)}</p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>{t('auth.cancel')}</button>
          <button type="submit" className="primary">{t('auth.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}

function ResetDialog({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { failure, run, fieldError } = useFormFailure('accounts');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await call('accounts/resetPassword', { id: account.id, password });
      onSaved();
    });
  };
  return (
    <Dialog title={t('accounts.resetTitle', { name: account.displayName })} onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        {failure ? <div className="form-banner" role="alert">{failure}</div> : null}
        <p>{t('accounts.resetExplain')}</p>
        <Field label={t('auth.newPassword')} error={fieldError('password')} required>
          <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </Field>
        <p className="hint">{t('auth.passwordRule')}</p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>{t('auth.cancel')}</button>
          <button type="submit" className="primary" disabled={password === ''}>{t('accounts.reset')}</button>
        </div>
      </form>
    </Dialog>
  );
}
