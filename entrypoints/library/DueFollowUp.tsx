import type { Capture } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { fmt } from '../../components/format';
import type { LibraryActions } from './use-actions';
import * as data from './data';

/** Props of {@link DueFollowUp}. */
export interface DueFollowUpProps {
  db: SatchelDb;
  /** The capture whose tip follow-up is due. */
  capture: Capture;
  many: LibraryActions['many'];
  /** Runs first on either answer (the page moves focus out of the prompt). */
  onLeave: () => void;
  t: Translate;
}

/**
 * The library's tip follow-up prompt (components/FollowUpPrompt.tsx) for a due capture: an answer
 * is stored ("Saved" toast), "Later" snoozes it a day; a failure names the capture's author (else
 * its key) in the toast.
 */
export function DueFollowUp({ db, capture, many, onLeave, t }: DueFollowUpProps) {
  const what = () => fmt(t('libErrFollowUp'), { name: capture.author?.name ?? capture.key });
  const live = (c: Capture | null): Capture[] => [c].filter((x): x is Capture => !!x);
  return (
    <FollowUpPrompt
      capture={capture}
      t={t}
      onAnswer={(answer) => { onLeave(); void many(what(), async () => live(await data.answerFollowUp(db, capture.id, answer)), t('followUpSaved')); }}
      onLater={() => { onLeave(); void many(what(), async () => live(await data.snoozeFollowUp(db, capture.id))); }}
    />
  );
}
