import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES } from '../lib/sites/matches';
import { yammerAdapter } from '../lib/sites/yammer';
import { runContent } from './content/run';

/** Content script for yammer pages only: bundles just this site's adapter (see entrypoints/content/run.ts). */
export default defineContentScript({
  matches: [...SITE_MATCHES.yammer],
  main: (ctx) => runContent(ctx, yammerAdapter),
});
