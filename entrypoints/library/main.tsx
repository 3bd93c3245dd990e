import '../../lib/platform/theme-boot';
import { render } from 'preact';
import { SatchelDb, DB_NAME } from '../../lib/db';
import { getMessage, uiLanguage } from '../../lib/platform/i18n';
import { sendToBackground } from '../../lib/platform/runtime';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { App } from './App';
import { setLibraryScope } from './data';
import '../../components/theme.css';
import './style.css';

// Composition root of the library page (library.html): the db singleton and the translator are
// created here only. Extension pages share the service worker's origin, so this is the same database.
const db = new SatchelDb(DB_NAME);
const locale = uiLanguage();
if (locale) document.documentElement.lang = locale;
document.title = makeTranslate(getMessage, en)('libraryTitle');
// library.html?scope=team:<id> shows a team's library (what its members shared); default: the learner's own.
const scope = new URLSearchParams(location.search).get('scope');
if (scope && /^team:[A-Za-z0-9_-]{1,64}$/.test(scope)) setLibraryScope(scope);
// Opening the popup or the library syncs (issue 4): the list updates live when pulled rows land.
void sendToBackground({ type: 'sync/now' });
render(<App db={db} t={makeTranslate(getMessage, en)} locale={locale} />, document.getElementById('app')!);
