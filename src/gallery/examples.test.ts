// The gallery's marked regions against the sequences they mark, read independently from the example FASTA files
// (the soft-masked run, the bases a caption names), and the captions against the jargon a student cannot read.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../node/nodeRuntime';
import { GALLERY, trackMarks, type GalleryExample } from './examples';

/** The example's sequence as written in its file, case kept (lower case = soft-masked). */
function rawSequence(ex: GalleryExample): string {
  return readFileSync(join(REPO_ROOT, 'public/examples', ex.file), 'utf8')
    .split('\n')
    .slice(1)
    .join('');
}
const byId = (id: string) => GALLERY.find((e) => e.id === id)!;
const markOf = (id: string, label: string) => trackMarks(byId(id)).find((m) => m.label === label)!;

describe('gallery marks', () => {
  it('lie inside their sequence, 0-based half-open, and are named in their caption', () => {
    for (const ex of GALLERY) {
      const n = rawSequence(ex).length;
      for (const [m, src] of trackMarks(ex).map((m, i) => [m, ex.marks![i]!] as const)) {
        expect(m.start).toBe(src.from - 1);
        expect(m.end).toBe(src.to);
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(n);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }
  });

  it('the Alu mark is exactly the soft-masked run of the file', () => {
    const seq = rawSequence(byId('alu'));
    const runs = [...seq.matchAll(/[acgtn]+/g)].map((r) => [r.index!, r.index! + r[0].length]);
    expect(runs).toEqual([[markOf('alu', 'Alu repeat').start, markOf('alu', 'Alu repeat').end]]);
    expect(byId('alu').caption).toContain('from about position 51');
    expect(byId('alu-dependencies').caption).toContain('the Alu is 51-254');
  });

  it('the BRCA1 marks hold the bases the caption names', () => {
    const seq = rawSequence(byId('brca1-exon19'));
    const at = (label: string) => {
      const m = markOf('brca1-exon19', label);
      return { bases: seq.slice(m.start, m.end), range: `${m.start + 1}-${m.end}` };
    };
    const caption = byId('brca1-exon19').caption;
    expect(caption).toContain(`Exon 19 of BRCA1 is positions ${at('exon 19').range}`);
    expect(caption).toContain(`reads ${at('splice donor').bases} at ${at('splice donor').range}`);
    expect(caption).toContain(`reads ${at('splice acceptor').bases} at ${at('splice acceptor').range}`);
    // hg19 exon 19 is chr17:41209069-41209152 and the record starts at 41208960 (training/gallery.py)
    expect(at('exon 19').range).toBe(`${41209069 - 41208960 + 1}-${41209152 - 41208960 + 1}`);
  });

  it('the TATA mark reads TATAAA', () => {
    const m = markOf('fly-promoter', 'TATA box');
    expect(rawSequence(byId('fly-promoter')).slice(m.start, m.end).toUpperCase()).toBe('TATAAA');
  });

  it('captions, summaries and walkthroughs speak to a student, not to the code', () => {
    const jargon = [/npm run/, /ALiBi/i, /\bmean e\b/, /dilation/i, /\bslopes?\b/];
    for (const ex of GALLERY) {
      for (const text of [ex.caption, ex.summary, ...(ex.walkthrough ?? [])]) {
        for (const j of jargon) expect(text, `${ex.id}: ${j}`).not.toMatch(j);
      }
    }
    expect(GALLERY[0]!.walkthrough!.length).toBeGreaterThanOrEqual(3);
  });
});
