/**
 * The poll of an X post (docs/sites/x.md §1.1 "Poll"). Pure DOM in, data out.
 */
import { textOf } from '../../dom/text';
import type { Poll } from '../../schema';
import { clean, one, type Scope } from './dom';
import * as S from './selectors';

/**
 * Poll of the scope (x-2023-11_timeline_poll_finished): options in order with the label and the
 * shown percentage; footer "1 vote · Final results". X shows percentages, not counts: a count is
 * derived only when it is exact (total ≤ 100 votes, so a rounded whole percentage maps to one
 * count), else null. `closed` = the footer says "Final results".
 */
export function readPoll(scope: Scope): Poll | null {
  const pollEl = one(scope, S.poll);
  if (!pollEl) return null;
  const footer = clean([...pollEl.children].filter((c) => c.tagName !== 'UL').map((c) => textOf(c)).join(' '));
  const totalM = /([\d,]+)\s+votes?\b/i.exec(footer);
  const totalVotes = totalM ? Number(totalM[1]!.replace(/,/g, '')) : null;
  const options = [...pollEl.querySelectorAll('li')].slice(0, 10).map((li) => {
    const parts = [...li.querySelectorAll('div[dir]')].map((d) => clean(textOf(d))).filter(Boolean);
    const pctText = parts.find((p) => /^\d+(\.\d+)?%$/.test(p));
    const label = parts.find((p) => p !== pctText) ?? clean(textOf(li));
    const pct = pctText ? Number.parseFloat(pctText) : null;
    const votes = pct != null && totalVotes != null && totalVotes <= 100 ? Math.round((pct * totalVotes) / 100) : null;
    return { label, votes };
  });
  return { options, totalVotes, closed: /final results/i.test(footer) };
}
