/**
 * Propagation step kernel (WGSL): batched CSR SpMM with a fused epilogue
 * ======================================================================
 * One invocation per (row, group of 4 columns); blocks are node-major with the chunk width
 * padded to a multiple of 4 and read as vec4<f32>, so the 4 columns of one stored value are
 * one 16-byte load (RECIPES.md §2 kernel, extended). With s = (M·x)[row, 4q … 4q+3]:
 *   MODE 0 (affine): y = α·s + β·x₀          RWR (α = 1 − r, β = r), linear signed dynamics
 *   MODE 1 (heat):   y = α·s; sum += y       heat-kernel series term (α = t/k)
 *   MODE 2 (tanh):   y = tanh(α·s + b[row])  (argument clamped to ±20, where tanh is ±1 in f32)
 * then, with CLAMP, entries whose bit is set in the clamp mask take x₀; columns whose flag is
 * 0 (converged) copy x unchanged. Same maths as src/engine/cpu-kernels.ts
 * (propagationStepRows) and the float64 references in src/core/engine.
 * Buffers: `graph` packs the operator as u32: offsets [0, N], columns [N + 1, N + 1 + nnz),
 * value bits [N + 1 + nnz, N + 1 + 2·nnz); `aux` holds the clamp bits (clampWords u32 per
 * node, bit c = column c) followed by the bias (f32 bits). 7 storage buffers: within the
 * default limit of 8.
 */
export const PROPAGATION_STEP_WGSL = /* wgsl */ `
override MODE: u32 = 0u;
override CLAMP: bool = false;

struct Params {
  rows: u32,
  vec4s: u32,
  columnBase: u32,
  valueBase: u32,
  alpha: f32,
  beta: f32,
  clampWords: u32,
  biasBase: u32,
  stride: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> graph: array<u32>;
@group(0) @binding(2) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> y: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> start: array<vec4<f32>>;
@group(0) @binding(5) var<storage, read_write> sum: array<vec4<f32>>;
@group(0) @binding(6) var<storage, read> flags: array<u32>;
@group(0) @binding(7) var<storage, read> aux: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let flat = gid.x + gid.y * p.stride;
  let row = flat / p.vec4s;
  if (row >= p.rows) {
    return;
  }
  let q = flat - row * p.vec4s;
  var s = vec4<f32>(0.0);
  let e1 = graph[row + 1u];
  for (var e = graph[row]; e < e1; e = e + 1u) {
    s = s + bitcast<f32>(graph[p.valueBase + e]) * x[graph[p.columnBase + e] * p.vec4s + q];
  }
  let k = row * p.vec4s + q;
  var out: vec4<f32>;
  if (MODE == 0u) {
    out = p.alpha * s + p.beta * start[k];
  } else if (MODE == 1u) {
    out = p.alpha * s;
  } else {
    let b = bitcast<f32>(aux[p.biasBase + row]);
    out = tanh(clamp(p.alpha * s + vec4<f32>(b), vec4<f32>(-20.0), vec4<f32>(20.0)));
  }
  if (CLAMP) {
    let word = aux[row * p.clampWords + (q * 4u) / 32u];
    let bits = (word >> ((q * 4u) % 32u)) & 15u;
    let held = vec4<bool>((bits & 1u) != 0u, (bits & 2u) != 0u, (bits & 4u) != 0u, (bits & 8u) != 0u);
    out = select(out, start[k], held);
  }
  let c = q * 4u;
  let live = vec4<bool>(flags[c] != 0u, flags[c + 1u] != 0u, flags[c + 2u] != 0u, flags[c + 3u] != 0u);
  out = select(x[k], out, live);
  y[k] = out;
  if (MODE == 1u) {
    sum[k] = sum[k] + out;
  }
}
`;
