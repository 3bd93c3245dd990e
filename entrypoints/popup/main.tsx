import { render } from 'preact';
import { SatchelDb, DB_NAME } from '../../lib/db';
import { getMessage, uiLanguage } from '../../lib/platform/i18n';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { App } from './App';
import '../../components/theme.css';
import './style.css';

// Composition root of the popup: the db singleton and the translator are created here only.
const db = new SatchelDb(DB_NAME);
const locale = uiLanguage();
if (locale) document.documentElement.lang = locale;
render(<App db={db} t={makeTranslate(getMessage, en)} locale={locale} />, document.getElementById('app')!);
