// Hands the keyboard focus to the results when the user starts an analysis (Run, a gallery example, a region of a
// local genome, a session file), so that it does not fall to the page when the pressed button is disabled.
import { createContext, useContext } from 'react';

export interface ResultsFocus {
  /**
   * Run `work` (an analysis the user asked for); as soon as its scan starts, the focus moves to the results
   * heading. Work that never starts one (refused, no model) leaves the focus where it is.
   */
  follow(work: () => Promise<unknown>): Promise<void>;
}

export const ResultsFocusContext = createContext<ResultsFocus>({
  follow: async (work) => {
    await work();
  },
});

export const useResultsFocus = (): ResultsFocus => useContext(ResultsFocusContext);
