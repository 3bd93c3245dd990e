import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES } from '../lib/sites/matches';
import { xAdapter } from '../lib/sites/x';
import { runContent } from './content/run';

/** Content script for x pages only: bundles just this site's adapter (see entrypoints/content/run.ts). */
export default defineContentScript({
  matches: [...SITE_MATCHES.x],
  main: (ctx) => runContent(ctx, xAdapter),
});
