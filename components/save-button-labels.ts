/** What the Save control shows: not saved, in flight, in the library, or failed (retry). */
export type SaveButtonStatus = 'save' | 'saving' | 'saved' | 'failed';

/**
 * messages.json keys of the Save control per state: its accessible name and its visible text.
 * Shared by components/SaveButton.tsx (Preact) and the content script's static control
 * (entrypoints/content/static-button.ts), which must render the same thing without Preact.
 */
export const SAVE_BUTTON_LABEL: Record<SaveButtonStatus, string> = {
  save: 'saveButtonSave',
  saving: 'saveButtonSaving',
  saved: 'saveButtonSaved',
  failed: 'saveButtonFailed',
};
export const SAVE_BUTTON_TEXT: Record<SaveButtonStatus, string> = {
  save: 'saveButtonTextSave',
  saving: 'saveButtonTextSaving',
  saved: 'saveButtonTextSaved',
  failed: 'saveButtonTextFailed',
};

/** SVG path data of the control's icon (24×24): outline bookmark, filled bookmark, alert circle. */
export const SAVE_BUTTON_ICON = {
  save: 'M6 3h12v17l-6-4-6 4z',
  saved: 'M6 2h12a1 1 0 0 1 1 1v19l-7-4.5L5 22V3a1 1 0 0 1 1-1z',
  failed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1 5h2v7h-2zm0 9h2v2h-2z',
} as const;
