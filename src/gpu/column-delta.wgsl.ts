/**
 * Convergence check kernel (WGSL): per-column L1 change and freezing
 * ==================================================================
 * One 256-thread workgroup per group of 4 columns: threads stride over the rows summing
 * |y − x| (vec4), a shared-memory tree reduces the 256 partial sums, and thread 0 applies the
 * rule of src/core/engine/column-iteration.ts to each of the 4 columns: an active column whose
 * change is below the tolerance is frozen (flag 0), gets iterations = step and converged = 1;
 * every column still active adds 1 to `counter`. The host reads only that counter (4 bytes)
 * per check: the only readback inside a propagation loop.
 * flags layout: [active: width | iterations: width | converged: width] (width = padded chunk).
 */
export const COLUMN_DELTA_WGSL = /* wgsl */ `
struct Params {
  rows: u32,
  vec4s: u32,
  step: u32,
  tolerance: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> y: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> flags: array<u32>;
@group(0) @binding(4) var<storage, read_write> counter: array<atomic<u32>>;

var<workgroup> partial: array<vec4<f32>, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let q = wid.x;
  var acc = vec4<f32>(0.0);
  for (var row = lid; row < p.rows; row = row + 256u) {
    let k = row * p.vec4s + q;
    acc = acc + abs(y[k] - x[k]);
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var half = 128u; half > 0u; half = half >> 1u) {
    if (lid < half) {
      partial[lid] = partial[lid] + partial[lid + half];
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let width = p.vec4s * 4u;
    let total = partial[0];
    for (var lane = 0u; lane < 4u; lane = lane + 1u) {
      let c = q * 4u + lane;
      if (flags[c] != 0u) {
        if (total[lane] < p.tolerance) {
          flags[c] = 0u;
          flags[width + c] = p.step;
          flags[2u * width + c] = 1u;
        } else {
          atomicAdd(&counter[0], 1u);
        }
      }
    }
  }
}
`;
