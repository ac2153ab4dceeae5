/**
 * Gather reduction kernel (WGSL): distances → per-drug scores
 * ===========================================================
 * One invocation per (drug j, column c): mean (or, with USE_MIN, minimum) of the column's
 * distances over the drug's targets, skipping unreachable ones; NaN when none is reached
 * (src/core/engine/gather-scores.ts). `lists` packs [offsets (J + 1) | targets]; with
 * PER_COLUMN, slot k of column c is targets[k·width + c] (slot-major, one draw per column).
 * Distances are the encoded bytes of multi-source-bfs.wgsl.ts (0 = unreachable, else d + 1).
 * Output scores: f32, drug-major J×width.
 */
export const GATHER_SCORES_WGSL = /* wgsl */ `
override USE_MIN: bool = false;
override PER_COLUMN: bool = false;

struct Params {
  drugs: u32,
  width: u32,
  targetBase: u32,
  stride: u32,
  nanBits: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> lists: array<u32>;
@group(0) @binding(2) var<storage, read> dist: array<u32>;
@group(0) @binding(3) var<storage, read_write> scores: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let flat = gid.x + gid.y * p.stride;
  let j = flat / p.width;
  if (j >= p.drugs) {
    return;
  }
  let c = flat - j * p.width;
  var total = 0u;
  var count = 0u;
  var smallest = 255u;
  let k1 = lists[j + 1u];
  for (var k = lists[j]; k < k1; k = k + 1u) {
    var t: u32;
    if (PER_COLUMN) {
      t = lists[p.targetBase + k * p.width + c];
    } else {
      t = lists[p.targetBase + k];
    }
    let index = t * p.width + c;
    let code = (dist[index >> 2u] >> (8u * (index & 3u))) & 255u;
    if (code != 0u) {
      total = total + code - 1u;
      count = count + 1u;
      smallest = min(smallest, code - 1u);
    }
  }
  var score = bitcast<f32>(p.nanBits);
  if (count > 0u) {
    if (USE_MIN) {
      score = f32(smallest);
    } else {
      score = f32(total) / f32(count);
    }
  }
  scores[j * p.width + c] = score;
}
`;
