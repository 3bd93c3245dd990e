/**
 * What the team views (What's new, member pages, credit lines) receive, as plain data. Containers
 * fill these from lib/db (whats-new.ts, members.ts), whose types match them structurally;
 * components never import lib/db (docs/architecture.md 6.2).
 */
import type { Capture, Member, ReactionKind } from '../lib/schema';

/** How a sharer is credited: by name; `hidden` (opted out of spotlights); `unknown` (not fetched, or left). */
export type CreditView = { kind: 'named'; name: string } | { kind: 'hidden' } | { kind: 'unknown' };

/** Kinds of What's new items (lib/db/whats-new.ts). */
export type WhatsNewKindView = 'capture' | 'mention' | 'reply' | 'comment' | 'answered';
/** Display order of the kinds (the library groups by them). */
export const WHATS_NEW_ORDER: readonly WhatsNewKindView[] = ['mention', 'reply', 'comment', 'answered', 'capture'];

/** One What's new item (lib/db/whats-new.ts `WhatsNewItem`). */
export interface WhatsNewItemView {
  id: string;
  kind: WhatsNewKindView;
  scopeId: string;
  captureId: string;
  commentId: string | null;
  actorUserId: string | null;
  /** epoch ms */
  at: number;
  unread: boolean;
  muted: boolean;
}

/** Reaction counts per kind. */
export type ReactionCountsView = Record<ReactionKind, number>;

/** A member's page data (lib/db/members.ts `memberActivity`). */
export interface MemberActivityView {
  member: Member | null;
  shared: ReadonlyArray<{ capture: Capture; reactions: ReactionCountsView; comments: number }>;
  answers: ReadonlyArray<{ capture: Capture; comment: { id: string; body: string; createdAt: number }; reactions: ReactionCountsView }>;
  totals: ReactionCountsView;
}
