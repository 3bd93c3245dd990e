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

  it('scrolls inside itself on the roomier side when neither side fits', () => {
    const above = placePanel(control(300), PANEL, VIEW);
    expect(above).toEqual({ top: 8, left: 744, maxHeight: 300 - 14 });
    const p = placePanel(control(260), PANEL, VIEW);
    expect(p).toEqual({ top: 298, left: 744, maxHeight: 600 - 292 - 14 });
    expect(inside(boxOf(p))).toBe(true);
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
