// How a bench that drives the page opens a model: it times a model only once the page's worker holds it.

import type { Page } from 'playwright-core';

/** The bench's wait for a model load (a software WebGPU adapter takes minutes on a loaded machine). */
const LOAD_TIMEOUT_MS = 600_000;

/**
 * Model `id` in a page that has just been opened. The page loads its default model first; picking another before
 * that load ends would start a second load beside it, so the pick waits for it. Then the read-out must name `id`:
 * the page shows a model only once its worker has loaded it and no newer switch has begun (switchTo in
 * state/modelSlice.ts), and until then the worker may hold no model ("No model is loaded yet.").
 */
export async function openModel(page: Page, id: string): Promise<void> {
  await page.getByTestId('model-info').waitFor({ timeout: LOAD_TIMEOUT_MS });
  const select = page.locator('#model-select');
  if ((await select.inputValue()) !== id) await select.selectOption(id);
  await page.locator(`[data-testid="model-info"][data-model-id="${id}"]`).waitFor({ timeout: LOAD_TIMEOUT_MS });
}
