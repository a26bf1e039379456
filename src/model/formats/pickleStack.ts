// The unpickler's machine state (its stack, MARKs and memo) and the value builders opcodes call: calls of
// globals (the caller's callables, or inert objects), and items added to dicts, lists and sets.

import type { PickleBytes } from './pickleBytes';
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

export const freeze = (items: PickleValue[]): PickleValue[] => Object.freeze(items) as PickleValue[];

export class PickleStack {
  readonly stack: PickleValue[] = [];
  readonly memo = new Map<number, PickleValue>();
  private readonly marks: number[] = [];

  constructor(
    /** The file being read; its fail() ends the read. */
    readonly r: PickleBytes,
    private readonly opts: UnpickleOptions,
  ) {}

  push(v: PickleValue): void {
    this.stack.push(v);
  }

  // as in Python's unpickler, a MARK starts a fresh stack: nothing below it can be popped until it is closed
  private floor(): number {
    return this.marks.length ? this.marks[this.marks.length - 1]! : 0;
  }

  private empty(): never {
    return this.r.fail('the stack is empty (damaged pickle).');
  }

  pop(): PickleValue {
    return this.stack.length > this.floor() ? this.stack.pop()! : this.empty();
  }

  top(): PickleValue {
    return this.stack.length > this.floor() ? this.stack[this.stack.length - 1]! : this.empty();
  }

  mark(): void {
    if (this.marks.length >= MAX_MARK_DEPTH) this.r.fail(`it nests deeper than ${MAX_MARK_DEPTH} levels.`);
    this.marks.push(this.stack.length);
  }

  /** The items above the last MARK, which is closed. */
  popMark(): PickleValue[] {
    const m = this.marks.pop();
    if (m === undefined) this.r.fail('there is no MARK to pop to (damaged pickle).');
    return this.stack.splice(m!);
  }

  /** REDUCE / NEWOBJ: a caller's callable runs; any other global builds an inert object. */
  call(callee: PickleValue, args: PickleValue): PickleValue {
    if (callee instanceof PickleGlobal) {
      const f = this.opts.callables.get(callee.qualified);
      if (f && !isTuple(args)) this.r.fail(`${callee.qualified} is called with ${describePickle(args)}, not a tuple.`);
      if (f) return f(args as PickleValue[], this.r.op);
      return new PickleObject(callee, args);
    }
    if (callee instanceof PickleObject) return new PickleObject(callee, args);
    return this.r.fail(`it calls ${describePickle(callee)}, which is not a class or function.`);
  }

  /** NEWOBJ_EX: keyword arguments are never passed to this app's callables, so such a call stays inert. */
  callWithKeywords(cls: PickleValue, args: PickleValue, kwargs: PickleValue): PickleValue {
    if (kwargs instanceof Map && kwargs.size === 0) return this.call(cls, args);
    if (cls instanceof PickleGlobal || cls instanceof PickleObject) return new PickleObject(cls, args);
    return this.r.fail(`it builds an object of ${describePickle(cls)}, which is not a class.`);
  }

  /** BINPERSID: a value kept outside the pickle, from the caller's loader. */
  persistent(pid: PickleValue): PickleValue {
    if (!this.opts.persistentLoad) this.r.fail('it refers to data outside the pickle, which this file cannot hold.');
    return this.opts.persistentLoad!(pid, this.r.op);
  }

  setItems(target: PickleValue, kv: PickleValue[]): void {
    if (kv.length % 2) this.r.fail('SETITEMS has a key without a value.');
    if (target instanceof Map) for (let i = 0; i < kv.length; i += 2) target.set(kv[i]!, kv[i + 1]!);
    else if (target instanceof PickleObject) for (const x of kv) target.items.push(x);
    else this.r.fail(`it sets items on ${describePickle(target)}, which is not a dict.`);
  }

  append(target: PickleValue, items: PickleValue[]): void {
    if (Array.isArray(target) && !Object.isFrozen(target)) for (const x of items) target.push(x);
    else if (target instanceof PickleObject) for (const x of items) target.items.push(x);
    else this.r.fail(`it appends to ${describePickle(target)}, which is not a list.`);
  }

  addItems(target: PickleValue, items: PickleValue[]): void {
    if (target instanceof Set) for (const x of items) target.add(x);
    else if (target instanceof PickleObject) for (const x of items) target.items.push(x);
    else this.r.fail(`it adds items to ${describePickle(target)}, which is not a set.`);
  }

  /** BUILD: a dict's attributes (a state dict's _metadata) and a native value's state are not needed. */
  build(target: PickleValue, state: PickleValue): void {
    const settable = target instanceof Map || target instanceof Native;
    if (target instanceof PickleObject) target.state = state;
    else if (!settable) this.r.fail(`it sets state on ${describePickle(target)}.`);
  }
}
