// Vitest's global setup: finds the training smoke exports and the shared data once per run, says what is missing
// and how to make it, and hands what it found to the tests (inject('prerequisites')). Under CI=true a missing
// prerequisite fails the run here instead of tests failing obscurely later.

import type { TestProject } from 'vitest/node';
import { describeMissing, findPrerequisites, type Prerequisites } from '../src/node/prerequisites';

declare module 'vitest' {
  export interface ProvidedContext {
    prerequisites: Prerequisites;
  }
}

export default function setup(project: TestProject): void {
  const found = findPrerequisites();
  const missing = describeMissing(found);
  if (missing && process.env.CI) throw new Error(`test prerequisites missing (CI=true):\n${missing}`);
  if (missing) console.warn(`\nSome tests will be skipped; to run them:\n${missing}\n`);
  project.provide('prerequisites', found);
}
