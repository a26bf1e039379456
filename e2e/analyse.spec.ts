// Default start-up: software WebGPU is skipped for wasm, and a pasted sequence is analysed.
import { expect, test } from '@playwright/test';
import { analyse, checkAgainstPytorch, waitForModel } from './helpers';

test('falls back to wasm, says why, runs it multi-threaded and matches PyTorch there', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  const backend = page.getByTestId('backend');
  await expect(backend).toHaveAttribute('data-backend', 'wasm');
  await expect(backend).toContainText(/software fallback/);
  // COOP/COEP from the server make the page cross-origin isolated, so tfjs loads its threaded wasm binary
  expect(await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated)).toBe(true);
  await expect(backend).toContainText(/wasm, \d+ threads \(/);
  const check = await checkAgainstPytorch(page);
  expect(check.backend).toBe('wasm');
  expect(check.logprob).toBeLessThan(1e-4);
});

test('a long example runs in windows, with read-outs for tracks and attention', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  await page.getByRole('button', { name: /Load example/ }).click();
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(/^>NC_001416/);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('windows-notice')).toContainText('overlapping windows');
  await expect(page.getByText(/Attention layer \d+, head \d+/)).toBeVisible();

  const tracks = page.getByTestId('tracks');
  const box = (await tracks.boundingBox())!;
  await tracks.hover({ position: { x: box.width * 0.6, y: 20 } });
  const readout = page.getByTestId('track-readout');
  await expect(readout).toContainText(
    /Position \d+ \([ACGT]\): log2 P\(observed\) -?\d+\.\d+ bits, entropy \d\.\d+ bits/,
  );
  // probabilities shown for one base sum to 1
  const probs = (await readout.innerText()).match(/[ACGT] (\d\.\d+)/g)!.map((m) => Number(m.slice(2)));
  expect(probs).toHaveLength(4);
  expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);

  // keyboard moves the focus
  await tracks.click({ position: { x: box.width * 0.5, y: 20 } });
  const before = await readout.innerText();
  await page.mouse.move(0, 0);
  await tracks.press('ArrowRight');
  await expect(readout).not.toHaveText(before);

  // attention heatmap read-out and layer/head selection
  const heat = page.getByTestId('attention');
  const hb = (await heat.boundingBox())!;
  await heat.hover({ position: { x: hb.width / 2, y: hb.height / 3 } });
  await expect(page.getByTestId('attention-readout')).toContainText(
    /Query \d+ \([ACGTN]\) → key \d+ \([ACGTN]\): \d\.\d{4}/,
  );
  // and by keyboard: the cursor starts at the top-left cell, arrows move it, Enter focuses the query base
  await page.mouse.move(0, 0);
  await heat.focus();
  await heat.press('ArrowDown');
  const first = await page.getByTestId('attention-readout').innerText();
  await heat.press('ArrowDown');
  await heat.press('ArrowRight');
  const q = Number(/Query (\d+)/.exec(first)![1]) + 1;
  await expect(page.getByTestId('attention-readout')).toContainText(
    new RegExp(`^Query ${q} \\([ACGTN]\\) → key ${q} \\(`),
  );
  await heat.press('Enter');
  await expect(page.getByTestId('track-readout')).toContainText(`Position ${q} `);
  await page.getByLabel('Head').selectOption('2');
  await expect(page.getByText('head 2,')).toBeVisible();
});

test('bad input gets a specific message', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('DNA sequence or FASTA').fill('>x\nACGTACGT\nACGXACGT');
  await expect(page.getByTestId('input-error')).toHaveText(/Line 3, column 4: "X" is not a nucleotide/);
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
});

test('without cross-origin isolation (a host that cannot send COOP/COEP) wasm runs on one thread and says why', async ({
  page,
}) => {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await page.goto('./');
  await waitForModel(page);
  expect(await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('backend')).toContainText('wasm, 1 thread (the page is not cross-origin isolated)');
  expect((await checkAgainstPytorch(page)).logprob).toBeLessThan(1e-4);
});

test('the sequence crosses to the worker once per analysis, not with every request; a model load mid-scan cancels the scan', async ({
  page,
}) => {
  // count the messages to the worker that carry sequence data (a string or an Int32Array of tokens)
  await page.addInitScript(() => {
    // (runs in the page; the e2e tsconfig has no DOM types)
    const g = globalThis as unknown as {
      __seqMessages: string[];
      Worker: { prototype: { postMessage: (...a: unknown[]) => void } };
    };
    g.__seqMessages = [];
    const post = g.Worker.prototype.postMessage;
    g.Worker.prototype.postMessage = function (this: unknown, msg: unknown, ...rest: unknown[]) {
      const m = msg as Record<string, unknown>;
      if (typeof m?.sequence === 'string' || m?.tokens instanceof Int32Array) g.__seqMessages.push(String(m.type));
      return post.call(this, msg, ...rest);
    };
  });
  await page.goto('./?testhooks=1');
  await waitForModel(page);
  await analyse(page);
  await page.getByLabel('Head').selectOption({ index: 1 }); // an attention refresh
  await page.getByLabel('Variants').fill('5A>G');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('variant-table')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { __seqMessages: string[] }).__seqMessages)).toEqual([
    'setSequence',
  ]);

  // a model load while a scan runs (the test hook sends it straight to the worker; the page disables its
  // model menu while busy): the scan ends as cancelled instead of reading weights disposed under it
  await page
    .getByLabel('DNA sequence or FASTA')
    .fill(`>long\n${'ACGTTGCAAGGCTTAACCGGTATCGATCGGATCCATGCAAGTC'.repeat(300)}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText('Scoring every base')).toBeVisible();
  const url = new URL('models/clm-hybrid-chr22/', page.url()).href;
  const loaded = await page.evaluate(
    (u) =>
      (globalThis as unknown as { __glmCall: (r: unknown) => Promise<{ id: string }> }).__glmCall({
        type: 'load',
        url: u,
      }),
    url,
  );
  expect(loaded.id).toBe('clm-hybrid-chr22');
  await expect(page.getByText('Cancelled.')).toBeVisible();
  await expect(page.getByText(/missing weight/)).toHaveCount(0);
});
