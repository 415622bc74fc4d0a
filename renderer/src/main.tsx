import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { call } from './api/client.ts';
import { createHttpBridge } from './api/http-bridge.ts';
import { I18nProvider, translate } from './i18n/i18n.tsx';
import './styles.css';

// The desktop's preload has already installed `window.api`; in a browser we install it over HTTP.
// This is the only difference between the two hosts as the UI sees them.
if (!window.api) window.api = createHttpBridge();

const root = createRoot(document.getElementById('root') as HTMLElement);

async function boot() {
  try {
    const [settings, centre, info] = await Promise.all([call('settings/get', {}), call('centre/get', {}), call('app/info', {})]);
    document.documentElement.lang = settings.language;
    root.render(
      <StrictMode>
        <I18nProvider initial={settings.language}>
          <App centre={centre} info={info} />
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

void boot();
