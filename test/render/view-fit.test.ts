import { describe, expect, it } from 'vitest';
import { fitViewState, paddingAroundCards } from '@/render/view-fit';

describe('fitViewState', () => {
  it('centres on the box and fits the tighter side: 200 × 100 units in 440 × 440 px', () => {
    // usable 400 × 400 px: x needs 400/200 = 2 px per unit, y allows 4 → zoom log2(2) = 1.
    const state = fitViewState([-100, 0, 100, 100], 440, 440, 20);
    expect(state.target).toEqual([0, 50, 0]);
    expect(state.zoom).toBeCloseTo(1, 12);
  });

  it('zooms out when the box is larger than the canvas', () => {
    // usable 100 × 50 px for 400 × 100 units: min(0.25, 0.5) → zoom −2.
    expect(fitViewState([0, 0, 400, 100], 140, 90, 20).zoom).toBeCloseTo(-2, 12);
  });

  it('shifts the target so the box centres in the area the margins leave', () => {
    // 100 × 100 units in 300 × 300 px with margins top 100, left 100, others 0: usable
    // 200 × 200 px → 2 px per unit (zoom 1); the usable area's centre is 50 px right of and
    // below the canvas centre, i.e. 25 units, so the target sits 25 units up-left of the box.
    const state = fitViewState([0, 0, 100, 100], 300, 300, {
      top: 100,
      right: 0,
      bottom: 0,
      left: 100,
    });
    expect(state.zoom).toBeCloseTo(1, 12);
    expect(state.target[0]).toBeCloseTo(25, 12);
    expect(state.target[1]).toBeCloseTo(25, 12);
  });

  it('treats a single point as one unit wide', () => {
    const state = fitViewState([3, 4, 3, 4], 100, 100, 0);
    expect(state.target).toEqual([3, 4, 0]);
    expect(state.zoom).toBeCloseTo(Math.log2(100), 12);
  });
});

describe('paddingAroundCards', () => {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };

  it('pushes the drawing below a card on a tall canvas', () => {
    // 400 × 600 px, 100 × 100 units, card 200 × 84 px at (16, 16), gap 12: below it the
    // area is 400 × 488 px (scale min(4, 4.88) = 4); right of it 172 × 600 (1.72).
    const card = { x: 16, y: 16, width: 200, height: 84 };
    expect(paddingAroundCards([0, 0, 100, 100], 400, 600, [card], none)).toEqual({
      ...none,
      top: 112,
    });
  });

  it('moves the drawing beside a card on a short canvas', () => {
    // 800 × 300 px, card 200 × 200 px at (16, 16): below it 800 × 72 px (0.72 px per unit),
    // right of it 572 × 300 px (3).
    const card = { x: 16, y: 16, width: 200, height: 200 };
    expect(paddingAroundCards([0, 0, 100, 100], 800, 300, [card], none)).toEqual({
      ...none,
      left: 228,
    });
  });

  it('chooses per card: a wide title above, a narrower legend beside', () => {
    // 800 × 400 px, 200 × 100 units. Title 300 × 60 at (16, 16): top 88 or left 328.
    // Legend 200 × 50 at (16, 334): bottom 400 − 334 + 12 = 78 or left 228.
    // top+bottom: 800 × 234 → 2.34; left+left: 472 × 400 → 2.36; top+left: 572 × 312 → 2.86;
    // left+bottom: 472 × 322 → 2.36. Best: the title above, the legend beside.
    const title = { x: 16, y: 16, width: 300, height: 60 };
    const legend = { x: 16, y: 334, width: 200, height: 50 };
    expect(paddingAroundCards([0, 0, 200, 100], 800, 400, [title, legend], none)).toEqual({
      ...none,
      top: 88,
      left: 228,
    });
  });

  it('keeps the base margins, and ignores cards that are not shown', () => {
    const base = { top: 10, right: 20, bottom: 30, left: 40 };
    const hidden = { x: 16, y: 16, width: 0, height: 0 };
    expect(paddingAroundCards([0, 0, 1, 1], 500, 500, [hidden], base)).toEqual(base);
    expect(paddingAroundCards([0, 0, 1, 1], 500, 500, [], 8)).toEqual({
      top: 8,
      right: 8,
      bottom: 8,
      left: 8,
    });
  });
});
