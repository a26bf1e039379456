// A share link reopens the same analysis in a fresh browser context with the same numbers; a
// damaged link gives a specific message and a working, empty app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../src/node/nodeRuntime';
import { parseSequence } from '../src/genome/parseSequence';
import { decodeFrame, encodeFrame } from '../src/share/linkCodec';
import { LinkError } from '../src/share/linkError';

/** The settings of a link as the page wrote them (format 3: share/savedAnalysis.ts). */
type Settings = { analyses: { attention?: { head: number }; variants?: { list: string[] } } };
import { openAndAnalyse, waitForModel } from './helpers';

test('share link round trip in a fresh context', async ({ page, browser }) => {
  await openAndAnalyse(page);
  await expect(page).toHaveURL(/#s=3\./); // written as soon as the run ends
  await page.getByLabel('Head').selectOption('3');
  await page.getByLabel('Variants').fill('5G>A'); // the example starts GCCTG
  await page.getByRole('button', { name: 'Add' }).click();
  const cell = page.getByTestId('variant-table').locator('td[data-method=masked]').first();
  await expect(cell).toHaveText(/^-?\d+\.\d{3}$/);
  const score = await cell.innerText();
  const summary = await page.getByTestId('scan-summary').innerText();
  // the fragment follows the state (debounced): wait until it holds the variant and the head
  await expect
    .poll(() => {
      const st = decodeFrame(new URL(page.url()).hash).settings as Settings;
      return `${st.analyses.attention?.head} ${st.analyses.variants?.list.join()}`;
    })
    .toBe('2 5G>A');
  const link = page.url();
  expect(link.length).toBeLessThan(3000);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('scan-summary')).toHaveText(summary);
  await expect(fresh.getByTestId('variant-table').locator('td[data-method=masked]').first()).toHaveText(score);
  await expect(fresh.getByLabel('Head')).toHaveValue('2');
  await expect(fresh.getByText('head 3,')).toBeVisible();
});

test('a damaged link says what is wrong and leaves a working app', async ({ page }) => {
  await page.goto('./#s=1.eJzLSM3JyVcozy_KSQEAGgQEXQ');
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText(/damaged|incomplete/);
  await expect(page.getByTestId('link-message')).toContainText('The app opened empty instead.');
  await page.goto('./#s=9.abc');
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText('made by a newer version of the app (format 9');
  await page.getByLabel('DNA sequence or FASTA').fill('ACGTACGTAC');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('scan-summary')).toBeVisible();
});

test('a link edited by one character is refused as damaged; a format-1 link opens, saying it has no check', async ({
  page,
}) => {
  // one base of the lambda example: the kind of edit a link without a check decoded silently to another sequence
  const lambda = parseSequence(readFileSync(join(REPO_ROOT, 'public/examples/lambda_cI_cro.fa'), 'utf8')).records[0]!;
  const link = encodeFrame(
    {
      name: lambda.name,
      models: { primary: 'mlm-hybrid-chr22' },
      view: {},
      analyses: { variants: { list: ['5G>A'], window: 256, bothStrands: false } },
    },
    lambda.sequence,
    lambda.softMasked,
  );
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let damaged = '';
  for (let i = link.length - 20; i > 4 && !damaged; i--) {
    const edited = link.slice(0, i) + alphabet[(alphabet.indexOf(link[i]!) + 1) % 64] + link.slice(i + 1);
    try {
      decodeFrame(edited);
    } catch (e) {
      if (e instanceof LinkError && /CRC-32/.test(e.message)) damaged = edited;
    }
  }
  expect(damaged).not.toBe('');
  await page.goto(`./#${damaged}`);
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText(
    'The link is damaged: its check (CRC-32) does not match',
  );
  await expect(page.getByTestId('tracks')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');

  const v1 = readFileSync(join(REPO_ROOT, 'test/data/share-link-v1.txt'), 'utf8').trim();
  await page.goto(`./#${v1}`); // the same page: read on hashchange
  await expect(page.getByTestId('variant-table')).toContainText('5G>A');
  await expect(page.getByTestId('link-message')).toContainText('format 1, made before share links carried a check');
  await expect(page).toHaveURL(/#s=3\./); // rewritten in the current format, with its check
});

test('after a refused or changed input the results are marked stale and no link describes them; Run makes a new one', async ({
  page,
}) => {
  await openAndAnalyse(page);
  await expect(page).toHaveURL(/#s=3\./);
  const box = page.getByLabel('DNA sequence or FASTA');
  await box.fill('>next\nACGTACGTACGT\nACGTQQ');
  await expect(page.getByTestId('input-error')).toBeVisible();
  await expect(page.getByTestId('stale-results')).toContainText(
    'these results are for "NC_001416.1:37800-38799" (1,000 bp), not for the input now in the box, which was refused',
  );
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('button', { name: 'Copy share link' })).toHaveCount(0);
  await expect(page.getByTestId('share-stale')).toBeVisible();
  // a state change on the stale results (another head) writes no link either
  await page.getByLabel('Head').selectOption('1');
  await page.waitForTimeout(600);
  expect(new URL(page.url()).hash).toBe('');

  await box.fill('>next\nACGTACGTACGTACGTTTGACCA');
  await expect(page.getByTestId('stale-results')).toContainText('not for the input now in the box: press Run');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('stale-results')).toHaveCount(0);
  await expect
    .poll(() => {
      const h = new URL(page.url()).hash;
      return h ? decodeFrame(h).sequence : '';
    })
    .toBe('ACGTACGTACGTACGTTTGACCA');
  await expect(page.getByRole('button', { name: 'Copy share link' })).toBeVisible();
});

test('a fragment this app does not know gets a message', async ({ page }) => {
  await page.goto('./#x=eJzLSM3JyVcozy');
  await waitForModel(page);
  await expect(page.getByTestId('link-message')).toContainText(
    'This is not a share link of this app (it should start with #s=). The app opened empty instead.',
  );
  expect(new URL(page.url()).hash).toBe('');
});
