import type { Translate } from '../../lib/util/i18n';
import { INTENTS } from '../IntentChips';

/**
 * messages.json key of a learning intent's label (from components/IntentChips.tsx `INTENTS`, the one
 * list of intents), or undefined for a value that is no known intent.
 */
export function intentLabelKey(intent: string): string | undefined {
  return INTENTS.find((i) => i.value === intent)?.key;
}

/** A learning intent as a chip ("Tip to try") in rows, popup items and the Review card; an unknown value reads as itself. */
export function IntentChip({ intent, t, testId }: { intent: string; t: Translate; testId?: string }) {
  const key = intentLabelKey(intent);
  return <span class="chip chip--intent" data-testid={testId}>{key ? t(key) : intent}</span>;
}
