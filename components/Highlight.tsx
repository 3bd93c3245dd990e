/** One run of text, marked when it matches the search (lib/search `highlight` produces these). */
export interface Segment {
  text: string;
  match: boolean;
}

/** Props of {@link Highlight}. */
export interface HighlightProps {
  /** Runs in order; their texts joined are the text shown. */
  segments: readonly Segment[];
}

/**
 * Text with search matches wrapped in `<mark>`. Everything is rendered as text nodes, never HTML,
 * so captured text cannot inject markup.
 */
export function Highlight({ segments }: HighlightProps) {
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
