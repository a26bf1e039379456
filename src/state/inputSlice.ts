// The paste box: its text, the records read from it, which one is picked, and what the reader said.

import type { StateCreator } from 'zustand';
import { parseSequence, type SequenceRecord } from '../genome/parseSequence';
import type { AppState, InputSlice } from './types';

function parseInput(text: string): Pick<InputSlice, 'records' | 'notices' | 'inputError' | 'recordIndex'> {
  if (!text.trim()) return { records: [], notices: [], inputError: null, recordIndex: 0 };
  try {
    const r = parseSequence(text);
    return { records: r.records, notices: r.notices, inputError: null, recordIndex: 0 };
  } catch (e) {
    return { records: [], notices: [], inputError: (e as Error).message, recordIndex: 0 };
  }
}

/** Whether results for `analysed` are stale for the input's current record (none, or a different one). */
export function isStale(current: SequenceRecord | undefined, analysed: SequenceRecord | null): boolean {
  if (!analysed) return false;
  if (!current || current.name !== analysed.name || current.sequence !== analysed.sequence) return true;
  return current.softMasked.some((m, i) => m !== analysed.softMasked[i]);
}

export const createInputSlice: StateCreator<AppState, [], [], InputSlice> = (set, get) => ({
  input: '',
  records: [],
  recordIndex: 0,
  notices: [],
  inputError: null,
  setInput(text) {
    const parsed = parseInput(text);
    set({ input: text, ...parsed, stale: isStale(parsed.records[parsed.recordIndex], get().analysed) });
  },
  selectRecord: (i) => set({ recordIndex: i, stale: isStale(get().records[i], get().analysed) }),
});
