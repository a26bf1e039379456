// A small unpickler for what torch.save and Lightning write (protocol 2-5). It never runs what the file names:
// a global is one of the caller's callables (this app's code, chosen by exact module and name) or an inert
// PickleGlobal, and calling an inert global builds an inert PickleObject. Every read is checked against the
// file, nothing recurses into values, and MARK nesting is bounded, so a hostile file costs at most its size.

import { ModelFormatError } from '../formatError';
import { describePickle, isTuple, Native, PickleGlobal, PickleObject, type PickleValue } from './pickleValues';

export type Callable = (args: PickleValue[], at: number) => PickleValue;

export interface UnpickleOptions {
  /** Name of the file, for messages. */
  where: string;
  /** The globals this reader may call, by "module.name"; all others stay inert. */
  callables: ReadonlyMap<string, Callable>;
  /** BINPERSID's loader (torch.save keeps tensor bytes outside the pickle); absent: refused. */
  persistentLoad?: (pid: PickleValue, at: number) => PickleValue;
}

/** Deeper MARK nesting than this is refused: a checkpoint nests MARKs only as deep as its data does. */
export const MAX_MARK_DEPTH = 1000;
/** Widest LONG1 / LONG4 integer read (sizes and offsets fit in 8 bytes). */
const MAX_INT_BYTES = 64;

const freeze = (items: PickleValue[]): PickleValue[] => Object.freeze(items) as PickleValue[];

export function unpickle(bytes: Uint8Array, opts: UnpickleOptions): PickleValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pos = 0;
  let op = 0; // offset of the opcode being read, for messages
  const fail = (msg: string): never => {
    const code = op < bytes.byteLength ? `opcode 0x${bytes[op]!.toString(16).padStart(2, '0')} ` : '';
    throw new ModelFormatError(`${opts.where}: pickle ${code}at byte ${op}: ${msg}`);
  };
  const take = (n: number): number => {
    const left = bytes.byteLength - pos;
    if (n > left) {
      fail(
        `it claims ${n.toLocaleString('en-US')} bytes, but only ${left.toLocaleString('en-US')} remain (truncated ` +
          'or damaged).',
      );
    }
    const at = pos;
    pos += n;
    return at;
  };
  const u8 = () => bytes[take(1)]!;
  const u32 = () => view.getUint32(take(4), true);
  const u64 = () => {
    const n = view.getBigUint64(take(8), true);
    return n > BigInt(bytes.byteLength) ? fail(`it claims ${n} bytes, more than the whole file.`) : Number(n);
  };
  const text = (n: number): string => {
    const at = take(n);
    try {
      return utf8.decode(bytes.subarray(at, at + n));
    } catch {
      return fail('its string is not valid UTF-8.');
    }
  };
  const latin1 = (n: number): string => {
    const at = take(n);
    let s = '';
    for (let i = at; i < pos; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  };
  const line = (): string => {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) fail('its name runs to the end of the file without a newline.');
    const s = text(end - pos);
    pos++;
    return s;
  };
  const signed = (n: number): number | bigint => {
    // little-endian two's complement, as LONG1 / LONG4 store it; wider is refused, the loop below is quadratic
    if (n > MAX_INT_BYTES) fail(`it holds a ${n}-byte integer; this reader takes at most ${MAX_INT_BYTES} bytes.`);
    const at = take(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
    if (n > 0 && bytes[at + n - 1]! >= 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };

  const stack: PickleValue[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PickleValue>();
  // as in Python's unpickler, a MARK starts a fresh stack: nothing below it can be popped until it is closed
  const floor = () => (marks.length ? marks[marks.length - 1]! : 0);
  const empty = (): never => fail('the stack is empty (damaged pickle).');
  const pop = (): PickleValue => (stack.length > floor() ? stack.pop()! : empty());
  const top = (): PickleValue => (stack.length > floor() ? stack[stack.length - 1]! : empty());
  const popMark = (): PickleValue[] => {
    const m = marks.pop();
    if (m === undefined) fail('there is no MARK to pop to (damaged pickle).');
    return stack.splice(m!);
  };
  const call = (callee: PickleValue, args: PickleValue): PickleValue => {
    if (callee instanceof PickleGlobal) {
      const f = opts.callables.get(callee.qualified);
      if (f && !isTuple(args)) fail(`${callee.qualified} is called with ${describePickle(args)}, not a tuple.`);
      if (f) return f(args as PickleValue[], op);
      return new PickleObject(callee, args);
    }
    if (callee instanceof PickleObject) return new PickleObject(callee, args);
    return fail(`it calls ${describePickle(callee)}, which is not a class or function.`);
  };
  const setItems = (target: PickleValue, kv: PickleValue[]) => {
    if (kv.length % 2) fail('SETITEMS has a key without a value.');
    if (target instanceof Map) for (let i = 0; i < kv.length; i += 2) target.set(kv[i]!, kv[i + 1]!);
    else if (target instanceof PickleObject) for (const x of kv) target.items.push(x);
    else fail(`it sets items on ${describePickle(target)}, which is not a dict.`);
  };
  const append = (target: PickleValue, items: PickleValue[]) => {
    if (Array.isArray(target) && !Object.isFrozen(target)) for (const x of items) target.push(x);
    else if (target instanceof PickleObject) for (const x of items) target.items.push(x);
    else fail(`it appends to ${describePickle(target)}, which is not a list.`);
  };

  while (pos < bytes.byteLength) {
    op = pos;
    const code = u8();
    switch (code) {
      case 0x80: {
        // PROTO
        const p = u8();
        if (p > 5) fail(`pickle protocol ${p} is newer than this reader (2-5).`);
        break;
      }
      case 0x95:
        u64();
        break; // FRAME: a length hint only
      case 0x7d:
        stack.push(new Map());
        break; // EMPTY_DICT
      case 0x5d:
        stack.push([]);
        break; // EMPTY_LIST
      case 0x29:
        stack.push(freeze([]));
        break; // EMPTY_TUPLE
      case 0x8f:
        stack.push(new Set());
        break; // EMPTY_SET
      case 0x28: // MARK
        if (marks.length >= MAX_MARK_DEPTH) fail(`it nests deeper than ${MAX_MARK_DEPTH} levels.`);
        marks.push(stack.length);
        break;
      case 0x74:
        stack.push(freeze(popMark()));
        break; // TUPLE
      case 0x85:
        stack.push(freeze([pop()]));
        break; // TUPLE1
      case 0x86: {
        const b = pop();
        stack.push(freeze([pop(), b]));
        break;
      } // TUPLE2
      case 0x87: {
        const c = pop(),
          b = pop();
        stack.push(freeze([pop(), b, c]));
        break;
      } // TUPLE3
      case 0x6c:
        stack.push(popMark());
        break; // LIST
      case 0x64: {
        const d = new Map();
        setItems(d, popMark());
        stack.push(d);
        break;
      } // DICT
      case 0x91:
        stack.push(new Set(popMark()));
        break; // FROZENSET
      case 0x73: {
        const v = pop(),
          k = pop();
        setItems(top(), [k, v]);
        break;
      } // SETITEM
      case 0x75: {
        const kv = popMark();
        setItems(top(), kv);
        break;
      } // SETITEMS
      case 0x61: {
        const v = pop();
        append(top(), [v]);
        break;
      } // APPEND
      case 0x65: {
        const items = popMark();
        append(top(), items);
        break;
      } // APPENDS
      case 0x90: {
        // ADDITEMS
        const items = popMark(),
          s = top();
        if (s instanceof Set) for (const x of items) s.add(x);
        else if (s instanceof PickleObject) for (const x of items) s.items.push(x);
        else fail(`it adds items to ${describePickle(s)}, which is not a set.`);
        break;
      }
      case 0x58:
        stack.push(text(u32()));
        break; // BINUNICODE
      case 0x8d:
        stack.push(text(u64()));
        break; // BINUNICODE8
      case 0x8c:
        stack.push(text(u8()));
        break; // SHORT_BINUNICODE
      case 0x54: {
        // BINSTRING (Python 2 str)
        const n = view.getInt32(take(4), true);
        stack.push(n < 0 ? fail('BINSTRING has a negative length.') : latin1(n));
        break;
      }
      case 0x55:
        stack.push(latin1(u8()));
        break; // SHORT_BINSTRING (Python 2 str)
      case 0x42: {
        const n = u32();
        stack.push(bytes.subarray(take(n), pos));
        break;
      } // BINBYTES
      case 0x43: {
        const n = u8();
        stack.push(bytes.subarray(take(n), pos));
        break;
      } // SHORT_BINBYTES
      case 0x8e:
      case 0x96: {
        const n = u64();
        stack.push(bytes.subarray(take(n), pos));
        break;
      } // (BIN|BYTEARRAY)8
      case 0x4a:
        stack.push(view.getInt32(take(4), true));
        break; // BININT
      case 0x4b:
        stack.push(u8());
        break; // BININT1
      case 0x4d:
        stack.push(view.getUint16(take(2), true));
        break; // BININT2
      case 0x8a:
        stack.push(signed(u8()));
        break; // LONG1
      case 0x8b:
        stack.push(signed(u32()));
        break; // LONG4
      case 0x47:
        stack.push(view.getFloat64(take(8), false));
        break; // BINFLOAT (big-endian)
      case 0x4e:
        stack.push(null);
        break; // NONE
      case 0x88:
        stack.push(true);
        break; // NEWTRUE
      case 0x89:
        stack.push(false);
        break; // NEWFALSE
      case 0x71:
        memo.set(u8(), top());
        break; // BINPUT
      case 0x72:
        memo.set(u32(), top());
        break; // LONG_BINPUT
      case 0x94:
        memo.set(memo.size, top());
        break; // MEMOIZE
      case 0x68:
      case 0x6a: {
        // BINGET, LONG_BINGET
        const i = code === 0x68 ? u8() : u32();
        stack.push(memo.has(i) ? memo.get(i)! : fail(`memo entry ${i} was never stored (damaged pickle).`));
        break;
      }
      case 0x63: {
        const module = line();
        stack.push(new PickleGlobal(module, line()));
        break;
      } // GLOBAL
      case 0x93: {
        // STACK_GLOBAL
        const name = pop(),
          module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL needs two strings.');
        stack.push(new PickleGlobal(module as string, name as string));
        break;
      }
      case 0x52: {
        const args = pop();
        stack.push(call(pop(), args));
        break;
      } // REDUCE
      case 0x81: {
        const args = pop();
        stack.push(call(pop(), args));
        break;
      } // NEWOBJ
      case 0x92: {
        // NEWOBJ_EX: keyword arguments are never passed to this app's callables, so such a call stays inert
        const kwargs = pop(),
          args = pop(),
          cls = pop();
        if (kwargs instanceof Map && kwargs.size === 0) stack.push(call(cls, args));
        else if (cls instanceof PickleGlobal || cls instanceof PickleObject) stack.push(new PickleObject(cls, args));
        else fail(`it builds an object of ${describePickle(cls)}, which is not a class.`);
        break;
      }
      case 0x62: {
        // BUILD
        // a dict's attributes (a state dict's _metadata) and a native value's state are not needed
        const state = pop(),
          target = top();
        const settable = target instanceof Map || target instanceof Native;
        if (target instanceof PickleObject) target.state = state;
        else if (!settable) fail(`it sets state on ${describePickle(target)}.`);
        break;
      }
      case 0x51: {
        // BINPERSID
        const pid = pop();
        if (!opts.persistentLoad) fail('it refers to data outside the pickle, which this file cannot hold.');
        stack.push(opts.persistentLoad!(pid, op));
        break;
      }
      case 0x30:
        pop();
        break; // POP
      case 0x31:
        popMark();
        break; // POP_MARK
      case 0x32:
        stack.push(top());
        break; // DUP
      case 0x2e:
        return pop(); // STOP
      default:
        fail('this opcode is not one torch.save writes (an older pickle protocol, or not a checkpoint).');
    }
  }
  return fail('the pickle ends without STOP (the file is truncated).');
}
