import { useState } from 'preact/hooks';
import { safeHttpUrl } from '../../lib/util/url';
import { stripBidiOverrides } from '../../lib/util/bidi';

/** Avatar sizes: `sm` 20 px (dense rows), `md` 32 px (rows, popup), `lg` 44 px (Review card). */
export type AvatarSize = 'sm' | 'md' | 'lg';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** The person's display name (untrusted text; only its initials are shown). */
  name: string;
  /** The stored `author.avatarUrl`; null/undefined or not http(s): initials. */
  url: string | null | undefined;
  size?: AvatarSize;
}

/**
 * Up to two initials of `name` (first letters of its first and last words), upper-cased, whole
 * characters (an emoji or a surrogate pair is not cut in half); '?' for an empty name.
 */
export function initialsOf(name: string): string {
  const words = stripBidiOverrides(name).trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '?';
  const first = (w: string) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '';
  const letters = words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
  return letters.toLocaleUpperCase() || '?';
}

/**
 * A person's picture from the stored URL (lazy, sent without a referrer), or their initials in a
 * neutral circle when there is none or it fails to load (the error swaps the image for the circle).
 * Decorative: the name is always written beside it, so it is hidden from assistive technology.
 */
export function Avatar({ name, url, size = 'md' }: AvatarProps) {
  const safe = safeHttpUrl(url);
  const [failed, setFailed] = useState<string | null>(null);
  if (safe && failed !== safe) {
    return (
      <img
        class={`avatar avatar--${size}`}
        src={safe}
        alt=""
        aria-hidden="true"
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        data-testid="avatar"
        onError={() => setFailed(safe)}
      />
    );
  }
  return (
    <span class={`avatar avatar--${size} avatar--initials`} aria-hidden="true" data-testid="avatar-initials">
      {initialsOf(name)}
    </span>
  );
}
