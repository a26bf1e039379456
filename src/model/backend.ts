// Chooses the tfjs backend once: webgpu, then wasm, then cpu, and records why.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export type BackendName = 'webgpu' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'cpu'];

export interface BackendChoice {
  name: BackendName;
  /** Why this backend runs: the reasons earlier ones in line were skipped. */
  reason: string;
  /** wasm only: how many threads, and why only one when that is the case. */
  threads?: string;
  adapter?: string;
}

export interface BackendOptions {
  /** Force one backend (the ?backend= URL parameter); otherwise the first that works. */
  force?: BackendName;
  /** Skip these (e.g. after a device loss). */
  exclude?: BackendName[];
  /** URLs (or a folder prefix) of the tfjs wasm binaries. */
  wasmPaths?: string | Record<string, string>;
  /** XNNPACK threads for multi-threaded wasm (browser only; needs cross-origin isolation). */
  wasmThreads?: number;
}

/**
 * tfjs caps XNNPACK's pool at hardwareConcurrency / 2, assuming two hyper-threads per core, which leaves a
 * 2-core machine (and many VMs, where each vCPU is a core) with one thread. It reads the count once, when
 * the wasm module starts, so the worker states the number it wants here before the backend initialises.
 */
function useWasmThreads(threads: number): void {
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  setThreadsCount(threads);
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; device?: string };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

async function probeWebGpu(forced: boolean): Promise<{ ok: boolean; why: string; adapter?: string }> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { ok: false, why: 'WebGPU is not available here' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { ok: false, why: 'no WebGPU adapter was found' };
  const info = adapter.info ?? {};
  const desc = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = adapter.isFallbackAdapter === true || /swiftshader/i.test(desc);
  if (software && !forced) {
    return {
      ok: false,
      why: `the WebGPU adapter is a software fallback (${desc || 'fallback adapter'}), slower than wasm`,
      adapter: desc,
    };
  }
  return {
    ok: true,
    why: software ? 'forced onto a software WebGPU adapter' : 'a WebGPU adapter is available',
    adapter: desc || 'unknown adapter',
  };
}

/** Set a backend; on failure return tfjs's own explanation (it only logs it with console.warn). */
async function trySet(name: BackendName): Promise<string | null> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...a: unknown[]) => {
    warnings.push(a.map(String).join(' '));
  };
  try {
    const ok = (await tf.setBackend(name)) && tf.getBackend() === name;
    return ok ? null : warnings.join(' | ') || 'unknown error';
  } catch (e) {
    return (e as Error).message;
  } finally {
    console.warn = warn;
  }
}

export async function chooseBackend(opts: BackendOptions = {}): Promise<BackendChoice> {
  const order = opts.force ? [opts.force, ...BACKEND_ORDER.filter((b) => b !== opts.force)] : [...BACKEND_ORDER];
  const skipped: string[] = [];
  if (opts.wasmPaths) setWasmPaths(opts.wasmPaths as string);
  if (opts.wasmThreads) useWasmThreads(opts.wasmThreads);
  for (const name of order) {
    if (opts.exclude?.includes(name)) {
      skipped.push(`${name} was excluded after a failure`);
      continue;
    }
    if (name === 'webgpu') {
      const probe = await probeWebGpu(opts.force === 'webgpu');
      if (!probe.ok) {
        skipped.push(`webgpu skipped: ${probe.why}`);
        continue;
      }
      await import('@tensorflow/tfjs-backend-webgpu');
      const err = await trySet('webgpu');
      if (err === null) {
        return {
          name,
          reason: opts.force === 'webgpu' ? `forced by ?backend=webgpu (${probe.why})` : probe.why,
          adapter: probe.adapter,
        };
      }
      skipped.push(`webgpu failed to initialise (${err})`);
    } else {
      const err = await trySet(name);
      if (err === null)
        return {
          name,
          reason: reasonText(name, opts.force, skipped),
          ...(name === 'wasm' ? { threads: wasmThreadsNote() } : {}),
        };
      skipped.push(`${name} failed to initialise (${err})`);
    }
  }
  throw new Error(`No tfjs backend could start: ${skipped.join('; ')}`);
}

/** Threads only come with cross-origin isolation (SharedArrayBuffer); say which case this is. */
function wasmThreadsNote(): string {
  const threads = getThreadsCount();
  if (threads > 1) return `${threads} threads`;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated === false ? '1 thread (the page is not cross-origin isolated)' : '1 thread';
}

function reasonText(name: BackendName, force: BackendName | undefined, skipped: string[]): string {
  if (force === name) return `forced by ?backend=${name}`;
  return skipped.length ? skipped.join('; ') : `${name} is the first backend available`;
}

/**
 * Speed rules per backend: the one place the model code branches on which backend runs.
 * - Rows per pass: tfjs-wasm's slice copies its whole source tensor (readSync), so an attention block taking B
 *   sequences out of a [B*T, ...] tensor costs O(B^2) per layer (`npm run bench:kernels`), and its matMuls and
 *   convs gain nothing from a larger batch: with attention, wasm and cpu run one row at a time. Otherwise a pass
 *   holds up to MAX_PASS_TOKENS tokens (about 50 MB of activations at width 128-256).
 * - Long convolutions (Hyena) up to directLongConvMax bases run as one depthwise conv on the backend (O(T^2),
 *   no read-back: on WebGPU a read-back is a GPU-to-CPU sync per block); longer ones, and every length on wasm
 *   and cpu, by FFT on typed arrays. In Node's tfjs-wasm the depthwise conv was slower at every length measured
 *   (256 x 32 rows: 8.6 s against 3.8 s by FFT; 1,024: 2.1 s against 0.41 s). Not measured on a hardware GPU.
 */
export const MAX_PASS_TOKENS = 32_768;

export interface SpeedRules {
  rowsPerPass(T: number, batch: number, hasAttention: boolean): number;
  directLongConvMax: number;
}

export function speedRules(name: string = tf.getBackend()): SpeedRules {
  const gpu = name === 'webgpu';
  return {
    rowsPerPass: (T, batch, hasAttention) =>
      hasAttention && !gpu ? 1 : Math.max(1, Math.min(batch, Math.floor(MAX_PASS_TOKENS / T))),
    directLongConvMax: gpu ? 1024 : 0,
  };
}
