/**
 * Where entrypoints/panel-ui.ts leaves the Preact control UI in the content scripts' isolated
 * world (shared by every Satchel content script of the frame, invisible to the page).
 */
export const CONTROL_UI_GLOBAL = '__satchelControlUi';
