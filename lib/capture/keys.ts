import type { Capture, CaptureDraft } from '../schema';
import { lacksPart } from './fuller';
import type { PanelView, SaveStatus, ThreadStatus } from './types';

/** Library state of one post key (`<platform>:<postId>`), shared by every control showing it. */
export interface KeyState {
  status: SaveStatus;
  /** A `capture/status` answer (or a save) told us whether the key is saved. */
  known: boolean;
  error: string | null;
  captureId: string | null;
  /**
   * The stored capture lacks a part a re-read may bring (fuller.ts `lacksPart`; a status answer's
   * `incomplete`, which also counts `permalinkMissing`): quiet completion may read the post.
   */
  incomplete: boolean;
  /** The stored capture's text was cut (the panel says so). */
  truncated: boolean;
  /**
   * The content the background holds for this key, from its last save or completion reply; null
   * when it is known only from a status answer (which says only whether it is incomplete).
   */
  stored: CaptureDraft | null;
  intent: PanelView['intent'];
  tags: string[];
  note: string;
  collectionIds: string[];
  thread: ThreadStatus;
  panelError: string | null;
}

/** The state of every post key met in this content script's life. */
export interface KeyStore {
  /** The state of `key`, created ("save", not known) on first use. */
  get(key: string): KeyState;
  /** The state of `key` if it has one. */
  peek(key: string): KeyState | undefined;
  /** `from`'s state becomes `to`'s (a post whose real id was found); `from` is forgotten. */
  move(from: string, to: string): void;
}

/** A new {@link KeyStore}. */
export function createKeyStore(): KeyStore {
  const keys = new Map<string, KeyState>();
  return {
    get(key) {
      let st = keys.get(key);
      if (!st) {
        st = {
          status: 'save', known: false, error: null, captureId: null, incomplete: false, truncated: false, stored: null,
          intent: null, tags: [], note: '', collectionIds: [], thread: 'none', panelError: null,
        };
        keys.set(key, st);
      }
      return st;
    },
    peek: (key) => keys.get(key),
    move(from, to) {
      const st = keys.get(from);
      if (!st || from === to) return;
      keys.delete(from);
      keys.set(to, st);
    },
  };
}

/** Marks `st` saved with what the background stored (`cap`), else with what was sent (`draft`). */
export function applyCapture(st: KeyState, cap: Capture | undefined, draft: CaptureDraft): void {
  st.status = 'saved';
  st.known = true;
  st.error = null;
  st.panelError = null;
  applyStored(st, cap ?? draft);
  if (cap) {
    st.captureId = cap.id;
    st.intent = cap.intent ?? null;
    st.tags = cap.tags ?? [];
    st.note = cap.note ?? '';
    st.collectionIds = cap.collectionIds ?? [];
  }
}

/** What the background now holds for the key of `st` (a save or completion reply): whether it is cut, and still lacks a part. */
export function applyStored(st: KeyState, stored: CaptureDraft): void {
  st.stored = stored;
  st.truncated = stored.truncated;
  st.incomplete = lacksPart(stored);
}

/** `<platform>:<postId>`. */
export const keyOf = (platform: string, postId: string): string => `${platform}:${postId}`;

/** The post id part of a key. */
export const postIdOfKey = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The platform part of a key. */
export const platformOfKey = (key: string): string => key.slice(0, key.indexOf(':'));
