/**
 * The conversation starter (issue 11, docs/discussion.md "Conversation starter"): from a capture, a
 * copy-ready prompt to paste into the post's own thread or into a community: the learner's why (their
 * note), one question, and the post's link. Satchel never posts it; the learner copies it.
 */
import type { Intent } from '../schema/capture';
import { safeHttpUrl } from '../util/url';
import type { DigestT } from './text';

/** The default question per learning intent (messages.json keys); no intent asks the general one. */
const QUESTION_KEYS: Record<Intent | 'none', string> = {
  tip: 'starterQuestionTip',
  'job-aid': 'starterQuestionJobAid',
  question: 'starterQuestionQuestion',
  share: 'starterQuestionShare',
  none: 'starterQuestionNone',
};

/** The question a starter asks by default for a capture saved with `intent` (plain text, editable). */
export const defaultQuestion = (intent: Intent | null, tr: DigestT): string => tr(QUESTION_KEYS[intent ?? 'none']);

/** What a starter is made of. */
export interface StarterParts {
  /** the learner's "why" (the capture's note); blank or null leaves it out */
  note: string | null;
  /** the one question; blank leaves it out */
  question: string;
  /** the post's link; anything but http(s) is left out */
  permalink: string | null;
}

/**
 * The starter as plain text: the note, the question and the bare link, each a paragraph (blank line
 * between), trimmed. The learner edits it before copying. Pure.
 */
export function starterText(parts: StarterParts): string {
  const url = safeHttpUrl(parts.permalink);
  return [parts.note?.trim() ?? '', parts.question.trim(), url ?? ''].filter((p) => p.length > 0).join('\n\n');
}
