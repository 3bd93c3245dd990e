import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../../lib/sites/matches';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  cssInjectionMode: 'ui',
  main() {},
});
