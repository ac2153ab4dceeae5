import { describe, expect, it } from 'vitest';
import { fitViewState } from '@/render/view-fit';

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
