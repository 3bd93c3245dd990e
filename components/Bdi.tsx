import { splitIsolates, stripBidiOverrides } from '../lib/util/bidi';

/**
 * A user-provided name (display name, team name) inside a sentence: stripped of direction overrides
 * and isolated in a <bdi>, so it can neither reverse itself nor reorder the words around it
 * (lib/util/bidi.ts; docs/discussion.md "Names and direction"). Rendered as text only.
 */
export function Name({ name, class: cls }: { name: string; class?: string }) {
  return <bdi class={cls}>{stripBidiOverrides(name)}</bdi>;
}

/** A composed string whose names were marked with lib/util/bidi.ts `isolateName`: each name in a <bdi>, the rest as text. */
export function IsolatedText({ text }: { text: string }) {
  return <>{splitIsolates(text).map((s, i) => (s.isolated ? <bdi key={i}>{s.text}</bdi> : s.text))}</>;
}
