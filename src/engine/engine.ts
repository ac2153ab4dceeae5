/**
 * Twinscreen compute engine: one API over the GPU and CPU paths
 * =============================================================
 * `createEngine(info, graph)` puts one network on the backend chosen by chooseBackend()
 * (src/gpu/backend.ts) and answers batched questions about it:
 *   propagateRwr     random walk with restart on B seed columns      (core/engine/random-walk-with-restart.ts)
 *   heatDiffusion    heat-kernel diffusion exp(−t(I − W))·x₀         (core/engine/heat-diffusion.ts)
 *   signedDynamics   linear / tanh signed dynamics, clamped nodes    (core/engine/signed-dynamics.ts)
 *   multiSourceBfs   distance from each of B node sets to every node (core/engine/multi-source-bfs.ts)
 *   proximityScores  BFS → per-drug mean/min distance → moments      (core/engine/gather-scores.ts, accumulate-moments.ts)
 *   rwrInfluence     every drug's RWR influence on a module from ONE walk (core/engine/rwr-influence.ts)
 * Blocks are node-major N×B float32 (entry i·B + c); per-drug blocks drug-major J×B. Every
 * call is async, accepts `{ signal, onProgress }`, and returns fresh typed arrays.
 * The float64 functions in src/core/engine are the specification; the float32 paths agree
 * with them to the tolerances stated in the parity tests (test/engine, test/gpu).
 *
 * Device loss: when the WebGPU device is lost (driver reset, tab backgrounded, destroy()),
 * the engine switches to its CPU path for good and reports it through onBackendChange. A run
 * that was in flight is restarted on the CPU from its inputs and resolves with the CPU's
 * results, so callers never see the loss except as a slower answer.
 */
import type { CsrGraph } from '@/core/graph/csr';
import type { HeatDiffusionOptions } from '@/core/engine/heat-diffusion';
import { resolveRwrOptions, type RwrOptions } from '@/core/engine/random-walk-with-restart';
import {
  influenceFromWalk,
  influenceSeed,
  type DrugTargets,
  type InfluenceResult,
} from '@/core/engine/rwr-influence';
import type { SignedDynamicsOptions, SignedPerturbation } from '@/core/engine/signed-dynamics';
import { validateNodeSets } from '@/core/engine/multi-source-bfs';
import type { BackendInfo } from '@/gpu/backend';
import { DeviceLostError, requestEngineAdapter, requestEngineDevice } from '@/gpu/gpu-device';
import { GpuEngine, type GpuEngineOptions } from '@/gpu/gpu-engine';
import { CpuEngine, type CpuEngineOptions } from './cpu-engine';
import type { EngineBackend, PropagationResult, ProximityResult, RunControl } from './engine-types';
import { heatPlan, proximityPlan, rwrPlan, signedPlan, type ProximityRequest } from './plans';

export type { PropagationResult, ProximityResult, RunControl } from './engine-types';
export type { ProximityRequest } from './plans';

export interface EngineOptions {
  /** CPU threads (default: info.threads). */
  threads?: number;
  /** Use this WebGPU device (e.g. tfjs's) instead of requesting one; it is not destroyed by dispose(). */
  device?: GPUDevice;
  cpu?: Partial<Omit<CpuEngineOptions, 'threads'>>;
  gpu?: Partial<GpuEngineOptions>;
  /** Called when the engine moves to another backend (device loss). */
  onBackendChange?: (backend: 'webgpu' | 'cpu', reason: string) => void;
}

export interface Engine {
  readonly nodeCount: number;
  /** Where the next call will run. */
  readonly backend: 'webgpu' | 'cpu';
  /** Why (adapter, fallback, device loss, thread count). */
  readonly backendReason: string;
  /** The WebGPU device in use, or null on the CPU path. */
  readonly device: GPUDevice | null;
  propagateRwr(
    seeds: ArrayLike<number>,
    columns: number,
    options?: Partial<RwrOptions> & RunControl,
  ): Promise<PropagationResult>;
  heatDiffusion(
    initial: ArrayLike<number>,
    columns: number,
    options?: Partial<HeatDiffusionOptions> & RunControl,
  ): Promise<PropagationResult>;
  signedDynamics(
    perturbation: SignedPerturbation,
    columns: number,
    options?: Partial<SignedDynamicsOptions> & RunControl,
  ): Promise<PropagationResult>;
  multiSourceBfs(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control?: RunControl,
  ): Promise<Uint8Array>;
  proximityScores(request: ProximityRequest, control?: RunControl): Promise<ProximityResult>;
  rwrInfluence(
    moduleNodes: Uint32Array,
    drugs: DrugTargets,
    options?: Partial<RwrOptions> & RunControl,
  ): Promise<InfluenceResult>;
  /** Frees GPU buffers and worker threads. */
  dispose(): void;
}

function controlOf(options: RunControl | undefined): RunControl {
  return { signal: options?.signal, onProgress: options?.onProgress };
}

class TwinscreenEngine implements Engine {
  readonly nodeCount: number;
  readonly #graph: CsrGraph;
  readonly #options: EngineOptions;
  readonly #threads: number;
  #gpu: GpuEngine | null;
  readonly #ownsDevice: boolean;
  #cpu: CpuEngine | null = null;
  #reason: string;
  #disposed = false;

  constructor(
    graph: CsrGraph,
    gpu: GpuEngine | null,
    ownsDevice: boolean,
    threads: number,
    reason: string,
    options: EngineOptions,
  ) {
    this.nodeCount = graph.nodeCount;
    this.#graph = graph;
    this.#gpu = gpu;
    this.#ownsDevice = ownsDevice;
    this.#threads = threads;
    this.#reason = reason;
    this.#options = options;
    if (gpu) {
      void gpu.lost.then((info) => {
        if (this.#disposed || this.#gpu !== gpu) return;
        this.#switchToCpu(
          `WebGPU device lost (${info.reason}${info.message ? `: ${info.message}` : ''})`,
        );
      });
    }
  }

  get backend(): 'webgpu' | 'cpu' {
    return this.#gpu && !this.#gpu.isLost ? 'webgpu' : 'cpu';
  }

  get backendReason(): string {
    return this.#reason;
  }

  get device(): GPUDevice | null {
    return this.#gpu && !this.#gpu.isLost ? this.#gpu.device : null;
  }

  #switchToCpu(why: string): void {
    const gpu = this.#gpu;
    if (!gpu) return;
    this.#gpu = null;
    gpu.dispose();
    this.#reason = `${why}: continuing on the CPU engine (${this.#cpuEngine().threadsReason})`;
    this.#options.onBackendChange?.('cpu', this.#reason);
  }

  #cpuEngine(): CpuEngine {
    this.#cpu ??= new CpuEngine(this.#graph, { ...this.#options.cpu, threads: this.#threads });
    return this.#cpu;
  }

  /** Runs on the GPU when there is one; after a device loss, (re)runs on the CPU. */
  async #run<T>(control: RunControl, call: (backend: EngineBackend) => Promise<T>): Promise<T> {
    if (this.#disposed) throw new Error('engine: used after dispose()');
    const gpu = this.#gpu;
    if (gpu && !gpu.isLost) {
      try {
        return await call(gpu);
      } catch (error) {
        if (control.signal?.aborted) throw error;
        const lost = error instanceof DeviceLostError || (await gpu.confirmLost());
        if (!lost) throw error;
        if (this.#gpu === gpu) this.#switchToCpu('WebGPU device lost during a run');
      }
    }
    return call(this.#cpuEngine());
  }

  propagateRwr(
    seeds: ArrayLike<number>,
    columns: number,
    options: Partial<RwrOptions> & RunControl = {},
  ): Promise<PropagationResult> {
    const plan = rwrPlan(this.#graph, seeds, columns, options);
    const control = controlOf(options);
    return this.#run(control, (backend) => backend.propagate(plan, control));
  }

  heatDiffusion(
    initial: ArrayLike<number>,
    columns: number,
    options: Partial<HeatDiffusionOptions> & RunControl = {},
  ): Promise<PropagationResult> {
    const plan = heatPlan(this.#graph, initial, columns, options);
    const control = controlOf(options);
    return this.#run(control, (backend) => backend.propagate(plan, control));
  }

  signedDynamics(
    perturbation: SignedPerturbation,
    columns: number,
    options: Partial<SignedDynamicsOptions> & RunControl = {},
  ): Promise<PropagationResult> {
    const plan = signedPlan(this.#graph, perturbation, columns, options);
    const control = controlOf(options);
    return this.#run(control, (backend) => backend.propagate(plan, control));
  }

  multiSourceBfs(
    sets: Uint32Array,
    setOffsets: Uint32Array,
    control: RunControl = {},
  ): Promise<Uint8Array> {
    validateNodeSets('multiSourceBfs', this.nodeCount, sets, setOffsets);
    const resolved = controlOf(control);
    return this.#run(resolved, (backend) => backend.multiSourceBfs(sets, setOffsets, resolved));
  }

  proximityScores(request: ProximityRequest, control: RunControl = {}): Promise<ProximityResult> {
    const plan = proximityPlan(this.nodeCount, request);
    const resolved = controlOf(control);
    return this.#run(resolved, (backend) => backend.proximity(plan, resolved));
  }

  async rwrInfluence(
    moduleNodes: Uint32Array,
    drugs: DrugTargets,
    options: Partial<RwrOptions> & RunControl = {},
  ): Promise<InfluenceResult> {
    const resolved = resolveRwrOptions({ ...options, normalize: false });
    const { seed, total, strengths } = influenceSeed(this.#graph, moduleNodes);
    const walk = await this.propagateRwr(seed, 1, { ...resolved, ...controlOf(options) });
    return influenceFromWalk(walk, { total, strengths }, moduleNodes, drugs, resolved.restart);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#gpu?.dispose();
    if (this.#gpu && this.#ownsDevice) this.#gpu.device.destroy();
    this.#gpu = null;
    this.#cpu?.dispose();
    this.#cpu = null;
  }
}

/**
 * Creates the engine for one network on the backend `info` names. A WebGPU set-up failure
 * falls back to the CPU engine (the reason says so) rather than failing.
 */
export async function createEngine(
  info: BackendInfo,
  graph: CsrGraph,
  options: EngineOptions = {},
): Promise<Engine> {
  const threads = options.threads ?? info.threads;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`createEngine: threads must be a positive integer, got ${threads}`);
  }
  if (info.engine === 'webgpu') {
    let device = options.device ?? null;
    let failure = '';
    if (!device) {
      try {
        const adapter = await requestEngineAdapter();
        device = adapter ? await requestEngineDevice(adapter) : null;
        if (!device) failure = 'no WebGPU adapter';
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    if (device) {
      const gpu = new GpuEngine(graph, device, options.gpu);
      return new TwinscreenEngine(graph, gpu, !options.device, threads, info.reason, options);
    }
    const reason = `WebGPU set-up failed (${failure}): CPU engine on ${threads} thread(s)`;
    return new TwinscreenEngine(graph, null, false, threads, reason, options);
  }
  return new TwinscreenEngine(graph, null, false, threads, info.reason, options);
}
