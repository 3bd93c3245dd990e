import type { Capture } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import type { ExportScope } from '../../components/ExportDialog';
import { TagsManager } from '../../components/TagsManager';
import { ShareDialog, type ShareTarget } from '../../components/ShareDialog';
import { TransferDialogs, type TransferDialogsProps } from './transfer';

/** The dialog open over the library, if any. */
export type LibraryDialog = null | { kind: 'export'; scope: ExportScope } | { kind: 'import' } | { kind: 'tags' } | { kind: 'share'; id: string };

/** Props of {@link LibraryDialogs}. */
export interface LibraryDialogsProps {
  db: SatchelDb;
  dialog: LibraryDialog;
  onClose: () => void;
  /** Export and import (entrypoints/library/transfer.tsx): what they read and the import's callback. */
  transfer: Omit<TransferDialogsProps, 'db' | 'dialog' | 'onClose' | 't' | 'locale'>;
  /** Tags manager: tags with counts, most used first, and the rename (or merge) action. */
  tags: ReadonlyArray<[string, number]>;
  onRenameTag: (from: string, to: string) => void;
  /** Share dialog: the teams, the capture's note and intent, and the share action (throws to show an error). */
  shareTargets: ShareTarget[];
  shareCapture: Capture | null;
  onShare: (scopeId: string, colId: string | null, note: string | null, asQuestion: boolean) => Promise<void>;
  t: Translate;
  locale?: string;
}

/**
 * The library's dialogs: export, import, the tags manager and "Share to a team". Each is a
 * components/Modal.tsx dialog: focus goes into it and, when it closes, back to the button that
 * opened it.
 */
export function LibraryDialogs(p: LibraryDialogsProps) {
  const { dialog, t, locale } = p;
  if (dialog?.kind === 'export' || dialog?.kind === 'import') {
    return (
<TransferDialogs {...p.transfer} db={p.db} dialog={dialog} onClose={p.onClose} t={t} locale={locale} />
    );
  }
  if (dialog?.kind === 'tags') {
    return <TagsManager tags={p.tags} onRename={p.onRenameTag} onClose={p.onClose} t={t} locale={locale} />;
  }
  if (dialog?.kind === 'share') {
    return (
      <ShareDialog
        targets={p.shareTargets}
        initialNote={p.shareCapture?.note ?? null}
        initialQuestion={p.shareCapture?.intent === 'question'}
        t={t}
        onShare={p.onShare}
        onClose={p.onClose}
      />
    );
  }
  return null;
}
