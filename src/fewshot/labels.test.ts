import { describe, expect, it } from 'vitest';
import { ProbeInputError } from './inputError';
import { parseLabels } from './labels';

describe('parseLabels', () => {
  it('reads classes by their positive value, groups and keys', () => {
    const t = parseLabels('#variant\tclass\texon\r\n17:100A>G\tLOF\te1\n\n17:101C>T\tFUNC\te2\n17:102G>A\tINT\te2\n', {
      kind: 'binary',
      label: 'class',
      positive: 'LOF',
      group: 'exon',
      key: 'variant',
    });
    expect(Array.from(t.y)).toEqual([1, 0, 0]);
    expect(t.groups).toEqual(['e1', 'e2', 'e2']);
    expect(t.keys).toEqual(['17:100A>G', '17:101C>T', '17:102G>A']);
    expect(Array.from(t.lines)).toEqual([2, 4, 5]);
    expect([...t.values]).toEqual([
      ['LOF', 1],
      ['FUNC', 1],
      ['INT', 1],
    ]); // what was read as negative
  });

  it('reads numbers for a continuous label', () => {
    const t = parseLabels('seq\tscore\nACGT\t-1.5e-2\nAAAA\t3\n', { kind: 'continuous', label: 'score' });
    expect(Array.from(t.y)).toEqual([-0.015, 3]);
    expect(t.groups).toBeUndefined();
  });

  it('summarises bad lines in one message, naming lines and values', () => {
    const rows = ['id\tscore', 'a\t1', 'b\tn/a', 'c\t', 'd\t2\textra', 'e\t1,5'];
    for (let i = 0; i < 6; i++) rows.push(`f${i}\tx`);
    let err: ProbeInputError | undefined;
    try {
      parseLabels(rows.join('\n'), { kind: 'continuous', label: 'score' });
    } catch (e) {
      err = e as ProbeInputError;
    }
    expect(err).toBeInstanceOf(ProbeInputError);
    expect(err!.message).toBe(
      "10 of 11 data lines refused: 8 with a 'score' that is not a number " +
        "(line 3 ('n/a'), 6 ('1,5'), 7 ('x'), 8 ('x'), 9 ('x'), ...); 1 with an empty 'score' (line 4 ('')); " +
        "1 with a field count other than the header's 2 (line 5 (3))",
    );
    expect(err!.lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('refuses a missing column, binary labels other than 0 / 1 without a positive value, and empty groups', () => {
    expect(() => parseLabels('a\tb\n1\t2\n', { kind: 'binary', label: 'class' })).toThrow(
      "no column 'class' in the header (columns: a, b)",
    );
    expect(() => parseLabels('c\n1\nyes\n0\n', { kind: 'binary', label: 'c' })).toThrow(
      /1 with a 'c' other than 0 or 1 .*line 3 \('yes'\)/,
    );
    expect(() => parseLabels('c\tg\n1\t\n', { kind: 'binary', label: 'c', group: 'g' })).toThrow(
      /1 with an empty 'g' \(group\) \(line 2\)/,
    );
    expect(() => parseLabels('\n \n', { kind: 'binary', label: 'c' })).toThrow('the label file is empty');
    expect(() => parseLabels('c\n', { kind: 'binary', label: 'c' })).toThrow('no data lines');
  });
});
