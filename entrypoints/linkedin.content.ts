import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES } from '../lib/sites/matches';
import { linkedinAdapter } from '../lib/sites/linkedin';
import { runContent } from './content/run';

/** Content script for linkedin pages only: bundles just this site's adapter (see entrypoints/content/run.ts). */
export default defineContentScript({
  matches: [...SITE_MATCHES.linkedin],
  main: (ctx) => runContent(ctx, linkedinAdapter),
});
