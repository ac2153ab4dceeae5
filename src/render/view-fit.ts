/**
 * Fit a view to the canvas
 * ========================
 * OrthographicView state that shows a bounding box whole inside the canvas minus a margin on
 * each side (room for overlays); `paddingAroundCards` picks those margins so that the cards
 * floating on the canvas (title, legend, keys) never cover the drawing. deck.gl's
 * orthographic zoom is a log2 scale (one layout unit = 2^zoom pixels), so
 * zoom = log2(min(usableWidth / dx, usableHeight / dy)). The view's target sits at the canvas
 * centre, so to centre the box in the *usable* area the target moves by half the difference
 * of opposite margins, converted to layout units:
 *   target = boxCentre − ((left − right) / 2, (top − bottom) / 2) / 2^zoom
 * (y grows downwards on screen and in the view: OrthographicView's default flipY).
 */

export interface OrthographicViewState {
  target: [number, number, number];
  zoom: number;
}

/** Margins in CSS pixels, one per side. */
export interface FitMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margins in CSS pixels; a number means the same on every side. */
export type FitPadding = number | FitMargins;

/** The margin of each side. */
export function fitMargins(padding: FitPadding): FitMargins {
  return typeof padding === 'number'
    ? { top: padding, right: padding, bottom: padding, left: padding }
    : { ...padding };
}

/**
 * @param bounds minX, minY, maxX, maxY in layout units
 * @param width canvas width in CSS pixels
 * @param height canvas height in CSS pixels
 * @param padding margins in CSS pixels
 */
export function fitViewState(
  bounds: ArrayLike<number>,
  width: number,
  height: number,
  padding: FitPadding = 40,
): OrthographicViewState {
  const { top, right, bottom, left } = fitMargins(padding);
  const [minX, minY, maxX, maxY] = [bounds[0], bounds[1], bounds[2], bounds[3]];
  // A single point (or an empty view) has no extent: treat it as 1 unit wide.
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const usableWidth = Math.max(width - left - right, 1);
  const usableHeight = Math.max(height - top - bottom, 1);
  const zoom = Math.log2(Math.min(usableWidth / spanX, usableHeight / spanY));
  const scale = 2 ** zoom;
  const target: [number, number, number] = [
    (minX + maxX) / 2 - (left - right) / 2 / scale,
    (minY + maxY) / 2 - (top - bottom) / 2 / scale,
    0,
  ];
  return { target, zoom };
}

/** A card drawn over the canvas, in CSS pixels from the canvas's top-left corner. */
export interface CanvasCard {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/**
 * Margins that keep the drawing clear of the cards floating on the canvas, chosen to show the
 * box as large as possible. Each card is avoided by moving one edge of the drawing's area past
 * it: the top edge below it, the bottom edge above it, the left edge right of it or the right
 * edge left of it (plus `gap`). Every combination (4^cards, at most a few hundred) is tried on
 * top of the `base` margins and the one with the largest zoom wins; on a tie the earlier one
 * (top, bottom, left, right, in that order for each card), so cards on a tall canvas push the
 * drawing down and up rather than sideways. A card of zero size is ignored.
 * @param bounds minX, minY, maxX, maxY in layout units
 */
export function paddingAroundCards(
  bounds: ArrayLike<number>,
  width: number,
  height: number,
  cards: readonly CanvasCard[],
  base: FitPadding,
  gap = 12,
): FitMargins {
  const spanX = Math.max(bounds[2] - bounds[0], 1);
  const spanY = Math.max(bounds[3] - bounds[1], 1);
  const shown = cards.filter((card) => card.width > 0 && card.height > 0);
  // How far each side's margin must reach to clear each card.
  const reach = shown.map((card) => ({
    top: card.y + card.height + gap,
    bottom: height - card.y + gap,
    left: card.x + card.width + gap,
    right: width - card.x + gap,
  }));
  const margins = fitMargins(base);
  let best = margins;
  let bestScale = -Infinity;
  for (let choice = 0; choice < 4 ** shown.length; choice++) {
    const padding = { ...margins };
    for (let c = 0, rest = choice; c < shown.length; c++, rest = Math.floor(rest / 4)) {
      const side = SIDES[rest % 4];
      padding[side] = Math.max(padding[side], reach[c][side]);
    }
    const usableWidth = width - padding.left - padding.right;
    const usableHeight = height - padding.top - padding.bottom;
    if (usableWidth <= 0 || usableHeight <= 0) continue;
    const scale = Math.min(usableWidth / spanX, usableHeight / spanY);
    if (scale > bestScale) {
      bestScale = scale;
      best = padding;
    }
  }
  return best;
}
