import '../../lib/platform/theme-boot';
import { render } from 'preact';
import { getMessage, uiLanguage } from '../../lib/platform/i18n';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { App } from './App';
import '../../components/theme.css';

// Composition root of the first-run page (welcome.html, opened once on install by the background).
const locale = uiLanguage();
if (locale) document.documentElement.lang = locale;
const t = makeTranslate(getMessage, en);
document.title = t('welcomeTitle');
render(<App t={t} />, document.getElementById('app')!);
