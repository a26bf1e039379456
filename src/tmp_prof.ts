import * as tf from '@tensorflow/tfjs-core';
import { loadModel } from './model/loadModel';
import { SequenceModel } from './model/sequenceModel';
import { fileSource } from './node/fileSource';
import { useNodeBackend } from './node/nodeRuntime';
await useNodeBackend('wasm');
const model = (await loadModel(fileSource(process.argv[2]!))) as SequenceModel;
const ids = Int32Array.from({ length: 1024 }, (_, i) => model.facts.tokens.ids[(i * 7 + (i >> 3)) % 4]!);
const pass = async () => { const o = tf.tidy(() => model.logitsOfIds(tf.tensor2d(ids, [1, 1024], 'int32'))); await o.data(); o.dispose(); };
await pass();
const c0 = process.cpuUsage(); const t = performance.now();
const info = await tf.profile(pass);
const total = performance.now() - t; console.log('total', total.toFixed(0), 'cpu', (process.cpuUsage(c0).user / 1000).toFixed(0));
const by = new Map<string, [number, number]>();
for (const k of info.kernels) { const e = by.get(k.name) ?? [0, 0]; e[0] += Number(k.kernelTimeMs); e[1]++; by.set(k.name, e); }
for (const [n, [ms, c]] of [...by].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(n.padEnd(28), ms.toFixed(0).padStart(6), c);
