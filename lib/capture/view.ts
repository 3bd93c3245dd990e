import { isSiteId, SITE_META } from '../sites/meta';
import type { PostEntry } from './entries';
import { platformOfKey, type KeyState } from './keys';
import type { Runtime } from './runtime';
import type { ControlView } from './types';

/** Display name of the site of a post key ("X", "LinkedIn", "Viva Engage"), from lib/sites/meta.ts. */
export function siteNameOf(key: string): string {
  const id = platformOfKey(key);
  return isSiteId(id) ? SITE_META[id].name : '';
}

/** What the control of `e` shows, from its key's state `st` and the panel's recent choices. */
export function viewOf(e: PostEntry, st: KeyState, recent: Runtime['recent']): ControlView {
  return {
    postId: e.postId,
    key: e.key,
    status: st.status,
    error: st.error,
    panel: e.panelOpen
      ? {
          intent: st.intent,
          tags: st.tags,
          note: st.note,
          collectionIds: st.collectionIds,
          recentTags: recent.tags,
          recentCollections: recent.collections,
          truncated: st.truncated,
          siteName: siteNameOf(e.key),
          thread: st.thread,
          error: st.panelError,
          focus: e.focusPanel,
        }
      : null,
  };
}
