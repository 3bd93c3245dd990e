import { z } from 'zod';

/**
 * Messages from the background to a tab's content script (ARCHITECTURE.md 6.7 naming).
 * - `capture/save-in-view`: the keyboard shortcut (commands API) was pressed: save the post that
 *   has focus, else the one most in view. Replies `{ ok: true, key }` or `{ ok: false, error }`.
 * - `capture/saved-elsewhere`: a capture was saved or deleted from another view; content scripts
 *   refresh the saved state of their controls. Fire-and-forget.
 */
export const BackgroundToContent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('capture/save-in-view') }),
  z.strictObject({ type: z.literal('capture/saved-elsewhere'), keys: z.array(z.string().max(600)).max(500) }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;
