// The worker client for store tests that never reach a worker (vi.mock('./workerClient') picks this file): the store
// imports the real one, which starts Web Workers that Node does not have.
import { vi } from 'vitest';

export const worker = () => ({ call: vi.fn() });
export const sequenceId = async () => 1;
export const makeModelWorker = () => null;
export const mapWorkerCount = () => 1;
