// What each opcode torch.save writes does (protocols 2-5), by byte; STOP ends the loop in pickle.ts. An opcode
// missing here is refused.

import type { PickleBytes } from './pickleBytes';
import { freeze, type PickleStack } from './pickleStack';
import { PickleGlobal, type PickleValue } from './pickleValues';

export type Opcode = (s: PickleStack, r: PickleBytes) => void;

export const STOP = 0x2e;

export const OPCODES: Readonly<Record<number, Opcode>> = {
  // framing
  [0x80]: (_, r) => {
    // PROTO
    const p = r.u8();
    if (p > 5) r.fail(`pickle protocol ${p} is newer than this reader (2-5).`);
  },
  [0x95]: (_, r) => void r.u64(), // FRAME: a length hint only
  // containers
  [0x7d]: (s) => s.push(new Map()), // EMPTY_DICT
  [0x5d]: (s) => s.push([]), // EMPTY_LIST
  [0x29]: (s) => s.push(freeze([])), // EMPTY_TUPLE
  [0x8f]: (s) => s.push(new Set()), // EMPTY_SET
  [0x28]: (s) => s.mark(), // MARK
  [0x74]: (s) => s.push(freeze(s.popMark())), // TUPLE
  [0x85]: (s) => s.push(freeze([s.pop()])), // TUPLE1
  [0x86]: (s) => {
    // TUPLE2
    const b = s.pop();
    s.push(freeze([s.pop(), b]));
  },
  [0x87]: (s) => {
    // TUPLE3
    const c = s.pop(),
      b = s.pop();
    s.push(freeze([s.pop(), b, c]));
  },
  [0x6c]: (s) => s.push(s.popMark()), // LIST
  [0x64]: (s) => {
    // DICT
    const d = new Map();
    s.setItems(d, s.popMark());
    s.push(d);
  },
  [0x91]: (s) => s.push(new Set(s.popMark())), // FROZENSET
  [0x73]: (s) => {
    // SETITEM
    const v = s.pop(),
      k = s.pop();
    s.setItems(s.top(), [k, v]);
  },
  [0x75]: (s) => {
    // SETITEMS
    const kv = s.popMark();
    s.setItems(s.top(), kv);
  },
  [0x61]: (s) => {
    // APPEND
    const v = s.pop();
    s.append(s.top(), [v]);
  },
  [0x65]: (s) => {
    // APPENDS
    const items = s.popMark();
    s.append(s.top(), items);
  },
  [0x90]: (s) => {
    // ADDITEMS
    const items = s.popMark();
    s.addItems(s.top(), items);
  },
  // strings and bytes
  [0x58]: (s, r) => s.push(r.text(r.u32())), // BINUNICODE
  [0x8d]: (s, r) => s.push(r.text(r.u64())), // BINUNICODE8
  [0x8c]: (s, r) => s.push(r.text(r.u8())), // SHORT_BINUNICODE
  [0x54]: (s, r) => {
    // BINSTRING (Python 2 str)
    const n = r.i32();
    s.push(n < 0 ? r.fail('BINSTRING has a negative length.') : r.latin1(n));
  },
  [0x55]: (s, r) => s.push(r.latin1(r.u8())), // SHORT_BINSTRING (Python 2 str)
  [0x42]: (s, r) => s.push(r.raw(r.u32())), // BINBYTES
  [0x43]: (s, r) => s.push(r.raw(r.u8())), // SHORT_BINBYTES
  [0x8e]: (s, r) => s.push(r.raw(r.u64())), // BINBYTES8
  [0x96]: (s, r) => s.push(r.raw(r.u64())), // BYTEARRAY8
  // numbers and constants
  [0x4a]: (s, r) => s.push(r.i32()), // BININT
  [0x4b]: (s, r) => s.push(r.u8()), // BININT1
  [0x4d]: (s, r) => s.push(r.u16()), // BININT2
  [0x8a]: (s, r) => s.push(r.signed(r.u8())), // LONG1
  [0x8b]: (s, r) => s.push(r.signed(r.u32())), // LONG4
  [0x47]: (s, r) => s.push(r.f64()), // BINFLOAT
  [0x4e]: (s) => s.push(null), // NONE
  [0x88]: (s) => s.push(true), // NEWTRUE
  [0x89]: (s) => s.push(false), // NEWFALSE
  // memo
  [0x71]: (s, r) => void s.memo.set(r.u8(), s.top()), // BINPUT
  [0x72]: (s, r) => void s.memo.set(r.u32(), s.top()), // LONG_BINPUT
  [0x94]: (s) => void s.memo.set(s.memo.size, s.top()), // MEMOIZE
  [0x68]: (s, r) => s.push(memoGet(s, r, r.u8())), // BINGET
  [0x6a]: (s, r) => s.push(memoGet(s, r, r.u32())), // LONG_BINGET
  // globals, calls and objects
  [0x63]: (s, r) => {
    // GLOBAL
    const module = r.line();
    s.push(new PickleGlobal(module, r.line()));
  },
  [0x93]: (s, r) => {
    // STACK_GLOBAL
    const name = s.pop(),
      module = s.pop();
    if (typeof module !== 'string' || typeof name !== 'string') r.fail('STACK_GLOBAL needs two strings.');
    s.push(new PickleGlobal(module as string, name as string));
  },
  [0x52]: reduce, // REDUCE
  [0x81]: reduce, // NEWOBJ
  [0x92]: (s) => {
    // NEWOBJ_EX
    const kwargs = s.pop(),
      args = s.pop(),
      cls = s.pop();
    s.push(s.callWithKeywords(cls, args, kwargs));
  },
  [0x62]: (s) => {
    // BUILD
    const state = s.pop(),
      target = s.top();
    s.build(target, state);
  },
  [0x51]: (s) => {
    // BINPERSID
    const pid = s.pop();
    s.push(s.persistent(pid));
  },
  // stack
  [0x30]: (s) => void s.pop(), // POP
  [0x31]: (s) => void s.popMark(), // POP_MARK
  [0x32]: (s) => s.push(s.top()), // DUP
};

function reduce(s: PickleStack): void {
  const args = s.pop();
  s.push(s.call(s.pop(), args));
}

function memoGet(s: PickleStack, r: PickleBytes, i: number): PickleValue {
  return s.memo.has(i) ? s.memo.get(i)! : r.fail(`memo entry ${i} was never stored (damaged pickle).`);
}
