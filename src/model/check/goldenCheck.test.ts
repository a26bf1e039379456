import { describe, expect, it } from 'vitest';
import { validateGolden } from './goldenCheck';

const good = () => ({
  format: 'glm-playground/golden@1',
  cases: [
    {
      name: 'short',
      tokens: [0, 1, 2],
      logprobs: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      attention: [
        {
          layer: 0,
          head: 0,
          rows: [0, 2],
          probs: [
            [1, 0, 0],
            [0.2, 0.3, 0.5],
          ],
        },
      ],
    },
  ],
});

describe('golden.json validation', () => {
  it('accepts what export.py writes and names what is wrong otherwise', () => {
    expect(validateGolden(good(), 'g.json').cases[0]!.name).toBe('short');
    expect(() => validateGolden({ ...good(), format: 'x' }, 'g.json')).toThrow('g.json: unsupported format "x"');
    const short = good();
    short.cases[0]!.logprobs.pop();
    expect(() => validateGolden(short, 'g.json')).toThrow('case short: logprobs must be [3, 4]');
    const row = good();
    row.cases[0]!.attention[0]!.rows[1] = 3;
    expect(() => validateGolden(row, 'g.json')).toThrow(/attention rows and probs must match the case's 3 tokens/);
    expect(() => validateGolden({ format: 'glm-playground/golden@1', cases: [] }, 'g.json')).toThrow(
      'g.json: no cases',
    );
    expect(() => validateGolden(null, 'g.json')).toThrow('not a JSON object');
  });
});
