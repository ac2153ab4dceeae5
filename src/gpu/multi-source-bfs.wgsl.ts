/**
 * Bit-parallel multi-source BFS kernel (WGSL)
 * ===========================================
 * 32 node sets per u32 word (bit b of word w = set 32·w + b). One invocation per
 * (node v, word w) and level:
 *   level 0:  reached = seeds[v, w]                       (frontierIn holds the seed bits)
 *   level ℓ:  reached = OR_{u ∈ in(v)} frontierIn[u, w]
 *   fresh = reached & ~visited[v, w];  frontierOut[v, w] = fresh;  visited |= fresh
 *   every fresh bit b writes distance byte ℓ + 1 for (v, set 32·w + b)
 * Distances are stored as bytes, 4 per u32, node-major N×width, encoded as level + 1 so that a
 * cleared (zero) buffer means "unreachable": decode d = byte − 1, 0 ↦ 255. Each invocation owns
 * its 8 distance words, so there are no write races. `state` = [level, found this level,
 * found last level]; the one-thread ADVANCE entry point moves it to the next level between
 * passes, so the level never needs a host round trip. Same result as
 * src/core/engine/multi-source-bfs.ts (levels stop at 254).
 */
export const MULTI_SOURCE_BFS_WGSL = /* wgsl */ `
struct Params {
  rows: u32,
  words: u32,
  columnBase: u32,
  stride: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> graph: array<u32>;
@group(0) @binding(2) var<storage, read> frontierIn: array<u32>;
@group(0) @binding(3) var<storage, read_write> frontierOut: array<u32>;
@group(0) @binding(4) var<storage, read_write> visited: array<u32>;
@group(0) @binding(5) var<storage, read_write> dist: array<u32>;
@group(0) @binding(6) var<storage, read_write> state: array<atomic<u32>>;

@compute @workgroup_size(64)
fn level(@builtin(global_invocation_id) gid: vec3<u32>) {
  let flat = gid.x + gid.y * p.stride;
  let v = flat / p.words;
  if (v >= p.rows) {
    return;
  }
  let w = flat - v * p.words;
  let depth = atomicLoad(&state[0]);
  var reached = 0u;
  if (depth == 0u) {
    reached = frontierIn[flat];
  } else {
    let e1 = graph[v + 1u];
    for (var e = graph[v]; e < e1; e = e + 1u) {
      reached = reached | frontierIn[graph[p.columnBase + e] * p.words + w];
    }
  }
  let seen = visited[flat];
  let fresh = reached & ~seen;
  frontierOut[flat] = fresh;
  if (fresh == 0u) {
    return;
  }
  visited[flat] = seen | fresh;
  atomicOr(&state[1], 1u);
  let code = depth + 1u;
  let base = (v * p.words + w) * 8u;
  for (var k = 0u; k < 8u; k = k + 1u) {
    let nibble = (fresh >> (4u * k)) & 15u;
    if (nibble != 0u) {
      var word = dist[base + k];
      for (var b = 0u; b < 4u; b = b + 1u) {
        if ((nibble & (1u << b)) != 0u) {
          word = (word & ~(255u << (8u * b))) | (code << (8u * b));
        }
      }
      dist[base + k] = word;
    }
  }
}

@compute @workgroup_size(1)
fn advance() {
  let found = atomicExchange(&state[1], 0u);
  atomicStore(&state[2], found);
  atomicAdd(&state[0], 1u);
}
`;
