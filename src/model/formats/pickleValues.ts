// The values the unpickler (pickle.ts) builds: Python's containers as Maps, Sets and arrays, and inert stand-ins
// for whatever the file names and this app does not run.

/** A class or function the file names and this reader does not run. */
export class PickleGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

/** What calling an inert global would have built: its arguments and state, recorded, never acted on. */
export class PickleObject {
  state: PickleValue = null;
  /** Items a SETITEM(S), APPEND(S) or ADDITEMS added to it. */
  readonly items: PickleValue[] = [];
  constructor(
    readonly callee: PickleGlobal | PickleObject,
    readonly args: PickleValue,
  ) {}
}

/** Values a caller's callable or persistent loader builds (torchZip.ts: storages, tensors). */
export abstract class Native {
  abstract describe(): string;
}

/** Tuples are frozen arrays (isTuple); lists are plain arrays; dicts are Maps. */
export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | Map<PickleValue, PickleValue>
  | Set<PickleValue>
  | PickleGlobal
  | PickleObject
  | Native;

export const isTuple = (v: PickleValue): v is PickleValue[] => Array.isArray(v) && Object.isFrozen(v);

export function describePickle(v: PickleValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return 'a bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  if (typeof v === 'string') return 'a str';
  if (v instanceof Uint8Array) return 'bytes';
  if (Array.isArray(v)) return isTuple(v) ? 'a tuple' : 'a list';
  if (v instanceof Map) return 'a dict';
  if (v instanceof Set) return 'a set';
  if (v instanceof PickleGlobal) return `the class or function ${v.qualified}`;
  if (v instanceof PickleObject) {
    return `an object built by ${v.callee instanceof PickleGlobal ? v.callee.qualified : 'a foreign call'} (not run)`;
  }
  return v.describe();
}
