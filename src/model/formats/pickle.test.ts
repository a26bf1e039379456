// The unpickler against CPython's own pickle.dumps output (protocols 2-5) and hand-built hostile pickles.
import { describe, expect, it, vi } from 'vitest';
import { ModelFormatError } from '../formatError';
import { MAX_MARK_DEPTH, unpickle, type Callable } from './pickle';
import { isTuple, PickleGlobal, PickleObject, type PickleValue } from './pickleValues';
import { PickleWriter } from './testPickles';

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const orderedDict: Callable = () => new Map();
const read = (b: Uint8Array, callables = new Map<string, Callable>([['collections.OrderedDict', orderedDict]])) =>
  unpickle(b, { where: 'test.pkl', callables });
const refusal = (b: Uint8Array, callables?: Map<string, Callable>): string => {
  try {
    read(b, callables);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

// python3: pickle.dumps({'a': [1, -2, 300, 70000, -70000, 2**70, -2**64, 1.5, None, True, False],
//   'b': (b'xy', '\u00e9\u4e2d'), 'c': {1, 2}, 't': (1,), 'n': ((), [], {})}, protocol=p)
const CPYTHON: Record<number, string> = {
  2: [
    '80027d71002858010000006171015d7102284b014afeffffff4d2c014a701101004a90eefeff8a090000000000000000',
    '408a090000000000000000ff473ff80000000000004e8889655801000000627103635f636f646563730a656e636f6465',
    '0a710458020000007879710558060000006c6174696e3171068671075271085805000000c3a9e4b8ad710986710a5801',
    '00000063710b635f5f6275696c74696e5f5f0a7365740a710c5d710d284b014b026585710e52710f5801000000747110',
    '4b0185711158010000006e7112295d71137d7114877115752e',
  ].join(''),
  3: [
    '80037d71002858010000006171015d7102284b014afeffffff4d2c014a701101004a90eefeff8a090000000000000000',
    '408a090000000000000000ff473ff80000000000004e88896558010000006271034302787971045805000000c3a9e4b8',
    'ad71058671065801000000637107636275696c74696e730a7365740a71085d7109284b014b026585710a52710b580100',
    '000074710c4b0185710d58010000006e710e295d710f7d7110877111752e',
  ].join(''),
  4: [
    '80049575000000000000007d94288c0161945d94284b014afeffffff4d2c014a701101004a90eefeff8a090000000000',
    '000000408a090000000000000000ff473ff80000000000004e8889658c01629443027879948c05c3a9e4b8ad9486948c',
    '0163948f94284b014b02908c0174944b0185948c016e94295d947d948794752e',
  ].join(''),
  5: [
    '80059575000000000000007d94288c0161945d94284b014afeffffff4d2c014a701101004a90eefeff8a090000000000',
    '000000408a090000000000000000ff473ff80000000000004e8889658c01629443027879948c05c3a9e4b8ad9486948c',
    '0163948f94284b014b02908c0174944b0185948c016e94295d947d948794752e',
  ].join(''),
};
// python3: pickle.dumps({'od': OrderedDict([('x', 1)]), 'hp': argparse.Namespace(lr=0.1, name='run')}, protocol=p)
const NAMESPACE: Record<number, string> = {
  2: [
    '80027d71002858020000006f64710163636f6c6c656374696f6e730a4f726465726564446963740a7102295271035801',
    '0000007871044b01735802000000687071056361726770617273650a4e616d6573706163650a7106298171077d710828',
    '58020000006c727109473fb999999999999a58040000006e616d65710a580300000072756e710b7562752e',
  ].join(''),
  4: [
    '80049575000000000000007d94288c026f64948c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493',
    '942952948c0178944b01738c026870948c086172677061727365948c094e616d6573706163659493942981947d94288c',
    '026c7294473fb999999999999a8c046e616d65948c0372756e947562752e',
  ].join(''),
};

describe('unpickle: what CPython writes', () => {
  it.each([2, 3, 4, 5])('protocol %i: numbers, strings, containers', (p) => {
    const v = read(hex(CPYTHON[p]!)) as Map<PickleValue, PickleValue>;
    expect([...v.keys()]).toEqual(['a', 'b', 'c', 't', 'n']);
    expect(v.get('a')).toEqual([1, -2, 300, 70000, -70000, 2n ** 70n, -(2n ** 64n), 1.5, null, true, false]);
    const [bytes, text] = v.get('b') as PickleValue[];
    expect(text).toBe('\u00e9\u4e2d');
    if (p === 2) {
      // protocol 2 has no bytes opcode: it calls _codecs.encode, which stays an inert object
      expect(bytes).toBeInstanceOf(PickleObject);
      expect(((bytes as PickleObject).callee as PickleGlobal).qualified).toBe('_codecs.encode');
    } else expect([...(bytes as Uint8Array)]).toEqual([0x78, 0x79]);
    const set = v.get('c');
    if (set instanceof Set) expect([...set]).toEqual([1, 2]);
    else expect((set as PickleObject).args).toEqual([[1, 2]]); // builtins.set([1, 2]), not called
    expect(isTuple(v.get('t')!)).toBe(true);
    expect(v.get('t')).toEqual([1]);
    const [empty, list, dict] = v.get('n') as PickleValue[];
    expect(isTuple(empty!)).toBe(true);
    expect(isTuple(list!)).toBe(false);
    expect(list).toEqual([]);
    expect(dict).toEqual(new Map());
  });

  it.each([2, 4])('protocol %i: an OrderedDict is built; a foreign class stays an inert object with its state', (p) => {
    const v = read(hex(NAMESPACE[p]!)) as Map<PickleValue, PickleValue>;
    expect(v.get('od')).toEqual(new Map([['x', 1]]));
    const hp = v.get('hp') as PickleObject;
    expect(hp).toBeInstanceOf(PickleObject);
    expect((hp.callee as PickleGlobal).qualified).toBe('argparse.Namespace');
    expect(hp.state).toEqual(
      new Map<PickleValue, PickleValue>([
        ['lr', 0.1],
        ['name', 'run'],
      ]),
    );
  });
});

describe('unpickle: nothing the file names is run', () => {
  it('REDUCE of os.system and builtins.eval builds placeholders; only the listed callable is called', () => {
    const spy = vi.fn(orderedDict);
    const w = new PickleWriter()
      .proto()
      .mark()
      .global('os', 'system')
      .str('touch /tmp/pwned')
      .op(0x85)
      .reduce()
      .global('builtins', 'eval')
      .str('1+1')
      .op(0x85)
      .reduce()
      .orderedDict()
      .op(0x6c)
      .stop(); // LIST of the three
    const [sys, ev, od] = read(w.bytes(), new Map([['collections.OrderedDict', spy]])) as PickleValue[];
    expect(spy).toHaveBeenCalledTimes(1);
    expect(od).toEqual(new Map());
    expect(((sys as PickleObject).callee as PickleGlobal).qualified).toBe('os.system');
    expect((sys as PickleObject).args).toEqual(['touch /tmp/pwned']);
    expect(((ev as PickleObject).callee as PickleGlobal).qualified).toBe('builtins.eval');
  });

  it('a global named like an object property is not mistaken for a callable', () => {
    const w = new PickleWriter().proto().global('__proto__', 'constructor').emptyTuple().reduce().stop();
    expect(read(w.bytes())).toBeInstanceOf(PickleObject);
  });

  it('calling something that is not a class or function is refused', () => {
    const w = new PickleWriter().proto().str('not callable').emptyTuple().reduce().stop();
    expect(refusal(w.bytes())).toMatch(/at byte \d+: it calls a str, which is not a class or function/);
  });
});

describe('unpickle: bounded by the file', () => {
  it('deep MARK nesting is refused', () => {
    const w = new PickleWriter().proto();
    for (let i = 0; i < 100_000; i++) w.mark();
    expect(refusal(w.bytes())).toMatch(new RegExp(`nests deeper than ${MAX_MARK_DEPTH} levels`));
    // as deep as allowed still reads
    const ok = new PickleWriter().proto();
    for (let i = 0; i < MAX_MARK_DEPTH; i++) ok.mark();
    for (let i = 0; i < MAX_MARK_DEPTH; i++) ok.tuple();
    expect(isTuple(read(ok.stop().bytes()))).toBe(true);
  });

  it('a string claiming more bytes than the file holds is refused before allocating', () => {
    const huge = new PickleWriter().proto().op(0x8d, 0, 0, 0, 0, 0, 0, 0, 0x40).stop(); // BINUNICODE8 of 2^62 bytes
    expect(refusal(huge.bytes())).toMatch(/claims .* bytes, more than the whole file/);
    const long = new PickleWriter().proto().op(0x58, 0xff, 0xff, 0xff, 0x7f, 0x41).stop(); // BINUNICODE of 2 GB
    expect(refusal(long.bytes())).toMatch(/claims 2,147,483,647 bytes, but only 2 remain/);
    const wide = new PickleWriter().proto().op(0x8b, 0, 0, 1, 0).stop(); // LONG4 of 65,536 bytes
    expect(refusal(wide.bytes())).toMatch(/65536-byte integer/);
  });

  it('a truncated pickle is refused, wherever it is cut', () => {
    const full = hex(NAMESPACE[2]!);
    for (let n = 0; n < full.length; n++) {
      expect(refusal(full.subarray(0, n))).toMatch(/^test\.pkl: pickle (opcode 0x[0-9a-f]{2} )?at byte \d+: /);
    }
    expect(refusal(full.subarray(0, 60))).toMatch(/claims \d+ bytes, but only \d+ remain|ends without STOP/);
  });

  it('damaged structure gets a message naming the opcode and byte', () => {
    const p = () => new PickleWriter().proto();
    expect(refusal(p().get(7).stop().bytes())).toMatch(/byte 2: memo entry 7 was never stored/);
    expect(refusal(p().op(0x69).stop().bytes())).toMatch(/opcode 0x69 at byte 2: this opcode is not one torch.save/);
    expect(refusal(new PickleWriter().proto(6).stop().bytes())).toMatch(/protocol 6 is newer/);
    expect(refusal(p().int(1).mark().setitems().stop().bytes())).toMatch(/sets items on a number/);
    expect(refusal(p().mark().tuple().op(0x30).op(0x30).stop().bytes())).toMatch(/stack is empty/);
    expect(refusal(p().int(3).mark().op(0x30).stop().bytes())).toMatch(/stack is empty/); // nothing below a MARK
    expect(refusal(p().emptyTuple().persid().stop().bytes())).toMatch(/refers to data outside the pickle/);
  });
});
