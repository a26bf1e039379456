// A small unpickler for what torch.save and Lightning write (protocol 2-5). It never runs what the file names:
// a global is one of the caller's callables (this app's code, chosen by exact module and name) or an inert
// PickleGlobal, and calling an inert global builds an inert PickleObject. Every read is checked against the
// file, nothing recurses into values, and MARK nesting is bounded, so a hostile file costs at most its size.
// The reads are pickleBytes.ts, the stack and value builders pickleStack.ts, the opcodes pickleOpcodes.ts.

import { PickleBytes } from './pickleBytes';
import { OPCODES, STOP } from './pickleOpcodes';
import { PickleStack, type UnpickleOptions } from './pickleStack';
import type { PickleValue } from './pickleValues';

export { MAX_MARK_DEPTH, type Callable, type UnpickleOptions } from './pickleStack';

export function unpickle(bytes: Uint8Array, opts: UnpickleOptions): PickleValue {
  const r = new PickleBytes(bytes, opts.where);
  const s = new PickleStack(r, opts);
  while (!r.done) {
    r.op = r.pos;
    const code = r.u8();
    if (code === STOP) return s.pop();
    const run = OPCODES[code];
    if (!run) r.fail('this opcode is not one torch.save writes (an older pickle protocol, or not a checkpoint).');
    run!(s, r);
  }
  return r.fail('the pickle ends without STOP (the file is truncated).');
}
