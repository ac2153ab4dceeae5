/**
 * Fit a view to the canvas
 * ========================
 * OrthographicView state that shows a bounding box whole inside the canvas minus a margin on
 * each side (room for overlays). deck.gl's orthographic zoom is a log2 scale (one layout unit
 * = 2^zoom pixels), so zoom = log2(min(usableWidth / dx, usableHeight / dy)). The view's
 * target sits at the canvas centre, so to centre the box in the *usable* area the target moves
 * by half the difference of opposite margins, converted to layout units:
 *   target = boxCentre − ((left − right) / 2, (top − bottom) / 2) / 2^zoom
 * (y grows downwards on screen and in the view: OrthographicView's default flipY).
 */

export interface OrthographicViewState {
  target: [number, number, number];
  zoom: number;
}

/** Margins in CSS pixels; a number means the same on every side. */
export type FitPadding = number | { top: number; right: number; bottom: number; left: number };

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
  const { top, right, bottom, left } =
    typeof padding === 'number'
      ? { top: padding, right: padding, bottom: padding, left: padding }
      : padding;
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
