import { defineConfig } from 'wxt';
import { CONTENT_MATCHES, HOST_PERMISSIONS } from './lib/sites/matches';

// Manifest and build wiring only; no logic (ARCHITECTURE.md 6.1).
export default defineConfig({
  // SATCHEL_OUT_DIR lets parallel builds (bench, a second worktree of work) avoid racing on .output/.
  outDir: process.env.SATCHEL_OUT_DIR ?? '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: [...HOST_PERMISSIONS],
    commands: {
      'save-post': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePost__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'satchel@satchel.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  // CONTENT_MATCHES is used by entrypoints/content; referenced here so the build fails if it is empty.
  hooks: { 'build:manifestGenerated': (_w, m) => { if (CONTENT_MATCHES.length === 0) throw new Error('no content matches'); void m; } },
});
