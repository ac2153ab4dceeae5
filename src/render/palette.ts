/**
 * Network palette
 * ===============
 * The colours and sizes that tell node roles apart, shared by the deck.gl layers and the legend
 * so the two can never disagree. Calm, colour-blind-safe hues (Okabe–Ito vermilion and orange
 * against a neutral blue-grey); emphasis comes from size and a darker edge colour, not only hue.
 */

/** What a node of a disease view is. Stored per node as a Uint8Array. */
export const NODE_ROLE = {
  /** A first neighbour of the disease genes (not a disease gene itself). */
  neighbour: 0,
  /** A disease gene outside the largest connected component of the disease genes. */
  diseaseGene: 1,
  /** A disease gene inside that largest connected component (the observable module). */
  moduleGene: 2,
  /**
   * A gene a module method brought in: added by DIAMOnD, or a top-ranked gene of the random
   * walk with restart. Only module results (src/app/module-analysis.ts) assign it.
   */
  addedGene: 3,
} as const;
export type NodeRole = (typeof NODE_ROLE)[keyof typeof NODE_ROLE];

export type Rgba = readonly [number, number, number, number];

/** Fill colour per role, indexed by NodeRole. */
export const ROLE_COLORS: readonly Rgba[] = [
  [132, 150, 172, 200], // neighbour: blue-grey, slightly transparent
  [230, 159, 0, 255], // disease gene: orange (Okabe–Ito)
  [213, 94, 0, 255], // module gene: vermilion (Okabe–Ito)
  [0, 158, 115, 255], // added gene: bluish green (Okabe–Ito)
];

/** Node radius in pixels per role, indexed by NodeRole. */
export const ROLE_RADII: readonly number[] = [3.5, 5.5, 7, 6.5];

/** Human names per role, indexed by NodeRole (legend, tooltip). */
export const ROLE_LABELS: readonly string[] = [
  'Neighbour of disease genes',
  'Disease gene',
  'Disease gene in the largest connected component',
  'Gene added to the module',
];

/**
 * Neighbour colours while a module result is shown: the same hue, fainter, so the module
 * (module genes, added genes and the links between them) stands out.
 */
export const FADED_NEIGHBOUR_COLOR: Rgba = [132, 150, 172, 110];

/** Edge colours: inside the module, touching a disease gene, between neighbours only. */
export const EDGE_COLORS = {
  module: [213, 94, 0, 210] as Rgba,
  disease: [110, 118, 130, 80] as Rgba,
  neighbour: [150, 160, 175, 36] as Rgba,
};

/** Edge colours while a module result is shown (see FADED_NEIGHBOUR_COLOR). */
export const FADED_EDGE_COLORS = {
  module: EDGE_COLORS.module,
  disease: [110, 118, 130, 45] as Rgba,
  neighbour: [150, 160, 175, 18] as Rgba,
};

export const SELECTION_COLOR: Rgba = [25, 32, 44, 255];

/** CSS `rgb()` of a palette colour, for the legend. */
export function cssColor([r, g, b, a]: Rgba): string {
  return `rgb(${r} ${g} ${b} / ${(a / 255).toFixed(2)})`;
}
