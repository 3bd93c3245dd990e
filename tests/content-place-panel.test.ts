import { describe, it, expect } from 'vitest';
import { placePanel } from '../entrypoints/content/control-ui';

// placePanel (entrypoints/content/control-ui.tsx): where the save panel goes. Whatever the control's
// position, the panel must lie inside the viewport with an 8 px margin.
const VIEW = { width: 1280, height: 600 };
const PANEL = { width: 300, height: 466 };
/** A 90x32 control whose top edge is at `top`. */
const control = (top: number, left = 744) => ({ top, bottom: top + 32, left, right: left + 90 });

/** The panel's box for a placement (its height capped by maxHeight). */
function boxOf(p: ReturnType<typeof placePanel>, panel = PANEL) {
  const height = p.maxHeight === null ? panel.height : Math.min(panel.height, p.maxHeight);
  return { top: p.top, bottom: p.top + height, left: p.left, right: p.left + panel.width };
}
const inside = (b: ReturnType<typeof boxOf>, view = VIEW) =>
  b.top >= 8 && b.left >= 8 && b.bottom <= view.height - 8 && b.right <= view.width - 8;

describe('placePanel', () => {
  it('goes below the control when it fits there', () => {
    const p = placePanel(control(40), PANEL, VIEW);
    expect(p).toEqual({ top: 78, left: 744, maxHeight: null });
  });

  it('goes above the control when there is no room below', () => {
    const p = placePanel(control(558), PANEL, VIEW);
    expect(p).toEqual({ top: 558 - 6 - 466, left: 744, maxHeight: null });
  });

  it('goes beside the control, at full height, when it fits neither below nor above (issue 12)', () => {
    const p = placePanel(control(300), PANEL, VIEW);
    expect(p).toEqual({ top: 83, left: 744 + 90 + 6, maxHeight: null });
    // No room on the right: on the left.
    const q = placePanel(control(300, 1150), PANEL, VIEW);
    expect(q).toEqual({ top: 83, left: 1150 - 6 - 300, maxHeight: null });
    expect(inside(boxOf(p)) && inside(boxOf(q))).toBe(true);
  });

  it('when it fits neither below, above nor beside, stays whole on the roomier side and covers its control (red team finding 12)', () => {
    const narrow = { width: 420, height: 600 };
    const above = placePanel(control(300, 60), PANEL, narrow);
    expect(above).toEqual({ top: 8, left: 60, maxHeight: null });
    const p = placePanel(control(260, 60), PANEL, narrow);
    expect(p).toEqual({ top: 600 - 8 - 466, left: 60, maxHeight: null });
    expect(inside(boxOf(p), narrow)).toBe(true);
    // 1024×600 with LinkedIn's bar, control low in the window: up to just under the bar, not scrolling.
    const li = placePanel({ top: 280, bottom: 312, left: 603, right: 676 }, { width: 340, height: 470 }, { width: 1024, height: 600 }, 52);
    expect(li.maxHeight).toBeNull();
    expect(li.top).toBeGreaterThanOrEqual(60);
    expect(li.top + 470).toBeLessThanOrEqual(592);
  });

  it('scrolls inside itself, on the roomier side, only when taller than the usable height', () => {
    const tall = { width: 300, height: 700 };
    const narrow = { width: 420, height: 600 };
    expect(placePanel(control(300, 60), tall, narrow)).toEqual({ top: 8, left: 60, maxHeight: 300 - 14 });
    expect(placePanel(control(260, 60), tall, narrow)).toEqual({ top: 298, left: 60, maxHeight: 600 - 292 - 14 });
    expect(placePanel(control(300, 60), tall, narrow, 52)).toEqual({ top: 338, left: 60, maxHeight: 600 - 8 - 332 - 6 });
  });

  it('keeps clear of the page\'s top bar (inset), unless the window is too short for that', () => {
    const LINKEDIN_BAR = 52;
    for (const top of [-200, 0, 40, 300, 558, 900]) {
      const b = boxOf(placePanel(control(top), PANEL, VIEW, LINKEDIN_BAR));
      expect(b.top, `control at ${top}`).toBeGreaterThanOrEqual(LINKEDIN_BAR + 8);
      expect(inside(b), `control at ${top}`).toBe(true);
    }
    const tiny = { width: 1280, height: 170 };
    // 170 px leave less than the 120 px minimum under the bar: the panel may go up to the 8 px margin.
    expect(placePanel(control(60), PANEL, tiny, LINKEDIN_BAR)).toEqual({ top: 42, left: 744, maxHeight: 120 });
  });

  it('stays in the viewport when the control has scrolled out of view, below or above', () => {
    for (const top of [640, 1243, 5000, -40, -200, -5000]) {
      const b = boxOf(placePanel(control(top), PANEL, VIEW));
      expect(inside(b), `control at ${top}`).toBe(true);
    }
    expect(boxOf(placePanel(control(1243), PANEL, VIEW)).bottom).toBe(592);
    expect(placePanel(control(-200), PANEL, VIEW).top).toBe(8);
  });

  it('is never taller than the viewport, and end-aligns near the right edge', () => {
    const short = { width: 1280, height: 300 };
    for (const top of [-100, 0, 100, 134, 268, 400]) {
      expect(inside(boxOf(placePanel(control(top), PANEL, short)), short), `control at ${top}`).toBe(true);
    }
    expect(placePanel(control(40, 1150), PANEL, VIEW).left).toBe(1240 - 300);
  });
});
