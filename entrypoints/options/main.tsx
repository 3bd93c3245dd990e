import '../../lib/platform/theme-boot';
import { render } from 'preact';
import { SatchelDb, DB_NAME } from '../../lib/db';
import { getMessage, uiLanguage } from '../../lib/platform/i18n';
import { hasHostPermission, requestHostPermission } from '../../lib/platform/permissions';
import { apiClient } from '../../lib/sync/api-client';
import { sendToBackground } from '../../lib/platform/runtime';
import { makeTranslate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import { guessDevice } from '../../components/options/device-name';
import en from '../../public/_locales/en/messages.json';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Composition root of the options page: the db singleton, the translator, fetch and the
// permission API are wired here only.
const db = new SatchelDb(DB_NAME);
const locale = uiLanguage();
if (locale) document.documentElement.lang = locale;
const t = makeTranslate(getMessage, en);
document.title = t('optTitle');
const guess = guessDevice(navigator as Navigator & { userAgentData?: { brands?: { brand: string }[]; platform?: string } });
const deviceName = guess.os
  ? fmt(t('optDeviceNameDefault'), { browser: guess.browser ?? t('optBrowser'), os: guess.os })
  : guess.browser ?? t('optBrowser');

render(
  <App
    db={db}
    t={t}
    locale={locale}
    api={(serverUrl, token, timeoutMs) => apiClient({ serverUrl, token, timeoutMs, fetch: (url, init) => fetch(url, init) })}
    permissions={{ request: requestHostPermission, has: hasHostPermission }}
    deviceName={deviceName}
    copy={async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    }}
    online={() => navigator.onLine}
    syncNow={() => sendToBackground({ type: 'sync/now' })}
  />,
  document.getElementById('app')!,
);
