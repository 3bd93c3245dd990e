import { defineConfig } from 'wxt';
import type { InlineConfig } from 'vite';
import { CONTENT_MATCHES, HOST_PERMISSIONS } from './lib/sites/matches';

// Manifest and build wiring only; no logic (docs/architecture.md 6.1).
export default defineConfig({
  // SATCHEL_OUT_DIR lets parallel builds (bench, a second worktree of work) avoid racing on .output/.
  outDir: process.env.SATCHEL_OUT_DIR ?? '.output',
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: [...HOST_PERMISSIONS],
    // The sync server's origin is asked for at run time by the options page (lib/platform/permissions.ts).
    // MV2 (the Firefox build) has no optional_host_permissions: origins go in optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'] }),
    commands: {
      'save-post': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePost__',
      },
    },
    // The Satchel mark (public/icon, scripts/icons.ts): WXT finds public/icon/<size>.png for `icons`; the
    // toolbar gets the same. Firefox also gets theme_icons ("light" = the light mark for dark toolbars).
    // Under MV2 the key must be browser_action: WXT drops a user `action` there.
    [manifestVersion === 2 ? 'browser_action' : 'action']: {
      default_title: '__MSG_extName__',
      default_icon: Object.fromEntries([16, 32, 48, 96, 128].map((s) => [s, `icon/${s}.png`])),
      ...(browser === 'firefox' && { theme_icons: [16, 32].map((size) => ({ light: `icon/light-${size}.png`, dark: `icon/dark-${size}.png`, size })) }),
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'satchel@satchel.invalid', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  // CONTENT_MATCHES is used by entrypoints/content; referenced here so the build fails if it is empty.
  hooks: {
    'build:manifestGenerated': (_w, m) => { if (CONTENT_MATCHES.length === 0) throw new Error('no content matches'); void m; },
    // webextension-polyfill for every page and the service worker, but not in the content scripts:
    // they use the browser's own promise-based namespace (docs/decisions/0005-content-script-size.md).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) usePolyfill(config);
    },
    'vite:devServer:extendConfig': (config) => usePolyfill(config),
  },
});

/** What the @wxt-dev/webextension-polyfill module does, applied per build group. */
function usePolyfill(config: InlineConfig): void {
  const alias = config.resolve?.alias;
  const list = Array.isArray(alias) ? [...alias] : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
  list.unshift({ find: 'wxt/browser', replacement: '@wxt-dev/webextension-polyfill/browser' });
  config.resolve = { ...config.resolve, alias: list };
}
