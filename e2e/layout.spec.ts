// The page's layout: no sideways scroll from a phone's width to a desktop's, the focus on the results after Run
// (and said), every analysis tab reachable and operable by keyboard, no serious accessibility violation on any
// tab, and no notice left over from a model that is no longer loaded.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { analyse, checkAgainstPytorch, openTab, waitForModel } from './helpers';

const TABS = [
  'Variant effects',
  'Mutagenesis',
  'Attention',
  'Dependencies',
  'Compare models',
  'GC content',
  'Few-shot probe',
  'Sequence probe',
];
const EXAMPLE = 'NC_001416.1:37800-38799';

/** The document is no wider than the window: nothing makes the page scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  // (a string: the e2e tsconfig has no DOM types)
  const [scroll, inner] = (await page.evaluate('[document.documentElement.scrollWidth, innerWidth]')) as [
    number,
    number,
  ];
  expect(scroll, `${where}: document ${scroll} px wide in a ${inner} px window`).toBeLessThanOrEqual(inner);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const width of [390, 1280]) {
  test(`at ${width} px: no sideways scroll and no serious accessibility violation on any tab`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    await waitForModel(page);
    await expectNoSidewaysScroll(page, 'before Run');
    await analyse(page);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(TABS);
    for (const name of TABS) {
      await openTab(page, name);
      await expect(page.getByRole('tabpanel', { name })).toBeVisible();
      await expectNoSidewaysScroll(page, `tab ${name}`);
      expect(await seriousViolations(page), `tab ${name}`).toEqual([]);
    }
  });
}

test('after Run the focus is on the results and the end is announced', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  const model = await page.getByLabel('Model:').locator('option:checked').innerText();
  await page.getByRole('button', { name: /Load example/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Results: ${EXAMPLE}`, exact: false })).toBeFocused();
  await expect(page.getByTestId('results-announcement')).toHaveText(
    `Analysis of ${EXAMPLE} (1,000 bp) done with ${model}.`,
  );
  // by keyboard too: Enter on Run
  await page.getByLabel('DNA sequence or FASTA').fill('>short\nGATTACAGATTACACCGGTTAACCGGTTTTGCAAGCTTGCATGC');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled(); // once the variant scores and attention of the first run are done
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Results: short' })).toBeFocused();
  await expect(page.getByTestId('results-announcement')).toHaveText(`Analysis of short (44 bp) done with ${model}.`);
});

test('every tab is reached with the arrow keys, Home and End, and operated by keyboard', async ({ page }) => {
  await page.goto('./');
  await waitForModel(page);
  await analyse(page); // leaves the Attention tab open
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await tab('Attention').focus();
  await page.keyboard.press('Home');
  await expect(tab(TABS[0]!)).toBeFocused();
  for (const [i, name] of TABS.entries()) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect(tab(name)).toBeFocused();
    await expect(tab(name)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    await expect(page.getByRole('tabpanel')).toHaveCount(1); // the others are hidden
    // Tab goes from the tab into its panel, then to the panel's first control
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel', { name })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel', { name }).locator(':focus')).toHaveCount(1);
    await tab(name).focus();
  }
  await page.keyboard.press('ArrowRight'); // wraps round
  await expect(tab(TABS[0]!)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(TABS.at(-1)!)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(tab(TABS.at(-1)!)).toHaveAttribute('aria-selected', 'true');
  for (let i = TABS.indexOf('GC content'); i < TABS.length - 1; i++) await page.keyboard.press('ArrowLeft');
  await expect(tab('GC content')).toHaveAttribute('aria-selected', 'true');

  // operated by keyboard alone: GC content computed, a variant added
  await page.getByRole('button', { name: 'Compute GC content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gc-islands')).toBeVisible();
  await tab('GC content').focus();
  await page.keyboard.press('Home');
  await page.getByLabel('Variants').focus();
  await page.keyboard.type('5G>A');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('variant-table')).toContainText('5G>A');
});

test('the file pickers are buttons the keyboard reaches and opens', async ({ page }) => {
  // listen from the start: the browser intercepts pickers only once it knows of a listener
  const opened: string[] = [];
  page.on(
    'filechooser',
    (c) =>
      void c
        .element()
        .getAttribute('aria-label')
        .then((l) => opened.push(l ?? '')),
  );
  await page.goto('./');
  await waitForModel(page);
  for (const [name, input] of [
    ['Choose a model folder…', 'Model folder'],
    ['Choose a model .zip…', 'Model zip'],
    ['Choose genome files…', 'Genome files'],
    ['Open session file…', 'Session file'],
  ] as const) {
    const button = page.getByRole('button', { name });
    await button.focus();
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => opened.at(-1)).toBe(input);
  }
  expect(opened).toHaveLength(4);
});

test('a gallery example clicked before the model is ready opens once it is, without a false notice', async ({
  page,
}) => {
  await page.goto('./');
  const open = page.getByRole('button', { name: 'Open A human Alu repeat' });
  await expect(open).toBeEnabled();
  await open.click(); // while the page still starts
  await expect(page.getByRole('heading', { name: /^Results: chr22:/ })).toBeFocused();
  await expect(page.getByTestId('tracks')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Example: A human Alu repeat' })).toBeVisible();
  await expect(page.getByText(/which this page does not have/)).toHaveCount(0);
  await expect(open).toBeEnabled();
});

test('a model switch keeps the input and variants, reruns, and leaves no notice of the model before', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await waitForModel(page);
  expect((await checkAgainstPytorch(page)).logprob).toBeLessThan(1e-3);
  await analyse(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText(/^(Link copied\.|Copy the address bar)/)).toBeVisible();
  await openTab(page, 'Variant effects');
  await page.getByLabel('Variants').fill('5G>A');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.locator('td[data-method=masked]')).toHaveText(/^-?\d+\.\d{3}$/);

  await page.getByLabel('Model:').selectOption('clm-hybrid-chr22');
  await waitForModel(page);
  await expect(page.getByTestId('results-announcement')).toHaveText(/done with Causal hybrid CNN \+ attention/);
  await expect(page.getByLabel('DNA sequence or FASTA')).toHaveValue(new RegExp(`^>${EXAMPLE}`));
  await expect(page.locator('td[data-method=dll]')).toHaveText(/^-?\d+\.\d{3}$/);
  await expect(page.getByTestId('check-result')).toHaveCount(0); // the check was of the masked model
  await expect(page.getByText(/^(Link copied\.|Copy the address bar)/)).toHaveCount(0);
});
