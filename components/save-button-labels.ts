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
