import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { REACTION_KINDS, type ReactionKind } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { fmtNodes } from '../fmt-nodes';
import { nameOf, type MemberIndex } from './members';
import type { ReactionSummaryView, ReactionTargetView } from './types';

/** messages.json keys of the reaction labels ("Useful", "Tried it", "Thanks"), in REACTION_KINDS order. */
export const REACTION_LABEL_KEY: Record<ReactionKind, string> = {
  useful: 'reactionUseful',
  tried: 'reactionTried',
  thanks: 'reactionThanks',
};

/** Props of {@link ReactionBar}. */
export interface ReactionBarProps {
  target: ReactionTargetView;
  reactions: ReactionSummaryView;
  names: MemberIndex;
  /** false: counts are shown, the buttons do nothing (signed out) */
  canReact: boolean;
  onReact: (target: ReactionTargetView, kind: ReactionKind, present: boolean) => Promise<unknown>;
  /** accessible name of the group, e.g. "Reactions to this comment" */
  label: string;
  t: Translate;
  locale?: string;
}

/**
 * One-tap reactions ("Useful", "Tried it", "Thanks"), each a toggle button with its count and
 * `aria-pressed` (the viewer's own reaction). Who reacted is in a tooltip element the button
 * references with `aria-describedby`, shown on hover and on keyboard focus (Escape hides it).
 * A failed write is shown next to the buttons (role alert).
 */
export function ReactionBar({ target, reactions, names, canReact, onReact, label, t, locale }: ReactionBarProps) {
  const [tip, setTip] = useState<ReactionKind | null>(null);
  const [busy, setBusy] = useState<ReactionKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (kind: ReactionKind) => {
    if (!canReact || busy) return;
    setBusy(kind);
    setError(null);
    try {
      await onReact(target, kind, !reactions[kind].mine);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="reactions" role="group" aria-label={label}>
      {REACTION_KINDS.map((kind) => {
        const r = reactions[kind];
        const tipId = `react-${target.id}-${kind}`;
        const who = r.userIds.map((id) => nameOf(names, id, t));
        return (
          <span key={kind} class="reaction">
            <button
              type="button"
              class="btn btn--small reaction__btn"
              aria-pressed={r.mine}
              aria-disabled={canReact ? undefined : 'true'}
              aria-describedby={tipId}
              data-reaction={kind}
              onClick={() => void toggle(kind)}
              onFocus={() => setTip(kind)}
              onBlur={() => setTip((k) => (k === kind ? null : k))}
              onMouseEnter={() => setTip(kind)}
              onMouseLeave={() => setTip((k) => (k === kind ? null : k))}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && tip === kind) {
                  e.preventDefault();
                  e.stopPropagation();
                  setTip(null);
                }
              }}
            >
              {t(REACTION_LABEL_KEY[kind])}
              <span class="count" aria-hidden={r.count === 0 ? 'true' : undefined}>{r.count.toLocaleString(locale)}</span>
            </button>
            <span id={tipId} role="tooltip" class="reaction__tip" hidden={tip !== kind}>
              {who.length ? fmtNodes(t('reactionWho'), { names: who.map((n, i) => <Fragment key={i}>{i ? ', ' : ''}<bdi>{n}</bdi></Fragment>) }) : t('reactionNobody')}
            </span>
          </span>
        );
      })}
      {error ? <span class="error small" role="alert">{error}</span> : null}
    </div>
  );
}
