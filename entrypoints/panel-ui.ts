import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { controlUi } from './content/control-ui';
import { CONTROL_UI_GLOBAL } from './content/ui-global';

/**
 * The Save control's Preact UI (button and save panel), injected by the background into a tab's
 * content-script world the first time a panel opens there (`ui/load` message), so the content
 * script itself stays small (docs/decisions/0005-content-script-size.md).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CONTROL_UI_GLOBAL] = controlUi;
});
