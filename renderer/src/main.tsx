import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Account, AuthStatus } from '../../electron/contract/areas/auth.ts';
import { App } from './App.tsx';
import { call, SIGNED_OUT_EVENT } from './api/client.ts';
import { createHttpBridge } from './api/http-bridge.ts';
import { AccessProvider } from './components/access.tsx';
import { AuthScreen } from './areas/auth/AuthScreen.tsx';
import { I18nProvider, translate } from './i18n/i18n.tsx';
import './styles.css';

// The desktop's preload has already installed `window.api`; in a browser we install it over HTTP.
// This is the only difference between the two hosts as the UI sees them.
if (!window.api) window.api = createHttpBridge();

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Sign-in first (or the first-run step); then the app, as the account's role allows. */
async function boot(notice: string | null = null) {
  try {
    const status = await call('auth/status', {});
    document.documentElement.lang = status.language;
    if (!status.account) {
      root.render(
        <StrictMode>
          <I18nProvider initial={status.language}>
            <AuthScreen status={status} notice={notice} onSignedIn={() => void boot()} />
          </I18nProvider>
        </StrictMode>,
      );
      return;
    }
    const [settings, centre, info] = await Promise.all([call('settings/get', {}), call('centre/get', {}), call('app/info', {})]);
    document.documentElement.lang = settings.language;
    const signedIn = status as AuthStatus & { account: Account };
    root.render(
      <StrictMode>
        <I18nProvider initial={settings.language}>
          <AccessProvider status={signedIn}>
            <App centre={centre} info={info} onSignOut={() => void signOut()} />
          </AccessProvider>
        </I18nProvider>
      </StrictMode>,
    );
  } catch (error) {
    // Before settings load we do not know the language: say it in both.
    const message = error instanceof Error && error.message === 'unreachable' ? 'app.unreachable' : 'app.error';
    root.render(
      <div className="boot-error" role="alert">
        <p>{translate('zh-CN', message, { message: String(error) })}</p>
        <p>{translate('en', message, { message: String(error) })}</p>
      </div>,
    );
  }
}

async function signOut() {
  await call('auth/signOut', {}).catch(() => undefined);
  await boot();
}

// A call that finds the session gone (it lapsed, or a dispatcher disabled the account) signs the page out, saying why.
window.addEventListener(SIGNED_OUT_EVENT, (event) => void boot((event as CustomEvent<string>).detail));

void boot();
