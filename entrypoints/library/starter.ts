/**
 * The conversation starter's container (issue 11, docs/discussion.md "Conversation starter"): the
 * copy-ready prompt of the open capture (lib/digest/starter.ts), when a starter was last used, and
 * recording a copy (lib/db/discussion.ts). Handed to components/CaptureDetail.tsx as `starter`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import type { Capture } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { conversationStartedAt, recordConversationStarted } from '../../lib/db/discussion';
import { defaultQuestion, starterText } from '../../lib/digest/starter';
import type { ConversationStarterData } from '../../components/ConversationStarter';

/** The starter of `capture` (null when none is open). */
export function useConversationStarter(db: SatchelDb, capture: Capture | null, t: Translate): ConversationStarterData | null {
  const [started, setStarted] = useState<{ id: string; at: number | null } | null>(null);
  const id = capture?.id ?? null;
  useEffect(() => {
    if (!id) return;
    let live = true;
    void conversationStartedAt(db, id).then((at) => live && setStarted({ id, at }), (e: unknown) => console.error('[satchel] conversation started', e));
    return () => {
      live = false;
    };
  }, [db, id, capture?.conversationStartedAt]);
  if (!capture) return null;
  return {
    text: starterText({ note: capture.note, question: defaultQuestion(capture.intent, (k) => t(k)), permalink: capture.permalink }),
    startedAt: started?.id === capture.id ? started.at : (capture.conversationStartedAt ?? null),
    onCopied: () => {
      const at = Date.now();
      setStarted({ id: capture.id, at });
      void recordConversationStarted(db, capture.id).catch((e: unknown) => console.error('[satchel] record conversation started', e));
    },
  };
}
