import '../../lib/platform/theme-boot';
import { render } from 'preact';
import { SatchelDb, DB_NAME } from '../../lib/db';
import { getMessage, uiLanguage } from '../../lib/platform/i18n';
import { sendToBackground } from '../../lib/platform/runtime';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Composition root of the popup: the db singleton and the translator are created here only.
const db = new SatchelDb(DB_NAME);
const locale = uiLanguage();
if (locale) document.documentElement.lang = locale;
// Opening the popup or the library syncs (issue 4): the list updates live when pulled rows land.
void sendToBackground({ type: 'sync/now' });
render(<App db={db} t={makeTranslate(getMessage, en)} locale={locale} />, document.getElementById('app')!);
