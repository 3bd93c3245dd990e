/**
 * `@mention` editing in the composer (pure): find the `@query` being typed, insert a picked
 * member as `@Display Name`, and list the user ids still mentioned in the text.
 */
import type { MemberView } from './types';

/** The `@query` being typed: `start` is the index of the `@`, `query` what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longest text after `@` still treated as a name being typed (names may hold spaces). */
const MAX_QUERY = 40;

/**
 * The mention being typed before `caret` in `text`, or null: an `@` at the start or after a space
 * or bracket, followed by up to {@link MAX_QUERY} characters without another `@` or a line break,
 * not ending in a space (a finished mention is followed by one).
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const m = new RegExp(`(?:^|[\\s(\\[])@([^@\\n]{0,${MAX_QUERY}})$`, 'u').exec(before);
  if (!m || /\s$/u.test(m[1]!)) return null;
  return { start: before.length - m[1]!.length - 1, query: m[1]! };
}

/** Replaces the `@query` at `at` (ending at `caret`) with `@<name> `; returns the new text and caret index. */
export function insertMention(text: string, at: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(caret), caret: at.start + inserted.length };
}

/** User ids of `picked` members whose `@Display Name` is still in `text` (each once, in pick order). */
export function mentionsIn(text: string, picked: readonly MemberView[]): string[] {
  const out: string[] = [];
  for (const m of picked) if (m.displayName && text.includes(`@${m.displayName}`) && !out.includes(m.userId)) out.push(m.userId);
  return out;
}
