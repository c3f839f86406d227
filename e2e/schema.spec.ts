/**
 * Schema evolution in the playground, keyboard only: open the rename story, try to register the
 * renamed OrderPlaced for producer checkout under BACKWARD and read the registry's refusal (rule and
 * field), open the subject's level to NONE, register again, run on, and watch the old consumer
 * stop at the first renamed record while the new consumer (reader with an alias) reads them all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

/** Moves the keyboard focus to a control, as Tab would, and presses keys there. */
async function keys(target: Locator, ...presses: string[]): Promise<void> {
  await target.focus();
  for (const p of presses) await target.page().keyboard.press(p);
}

/** Picks an option of a focused select by typing the start of its text (the browser's type-ahead). */
async function typeToSelect(page: Page, select: Locator, text: string): Promise<void> {
  await select.focus();
  await page.keyboard.type(text);
}

test('rename story: refused under BACKWARD with the reason; under NONE the old consumer stops and the new one reads', async ({
  page,
  problems,
}) => {
  // Many steps on a shared 2-core machine: a generous bound, as for the other long playground tests.
  test.setTimeout(120_000);
  await page.goto('/#/playground?model=kafka&scenario=schema-rename-field');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  await keys(page.getByRole('tab', { name: 'Schemas' }), 'Enter');
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText('Schema registry');
  await expect(panel.getByLabel('Use it for')).toHaveValue('producer:checkout');

  await typeToSelect(page, panel.getByLabel('Start from'), 'OrderPlaced with');
  const text = panel.getByLabel('Avro schema (JSON)');
  await expect(text).toHaveValue(/"subtotal"/);
  await expect(text).not.toHaveValue(/"total"/);

  await keys(panel.getByRole('button', { name: 'Register' }), 'Enter');
  const outcome = panel.getByRole('status');
  await expect(outcome).toContainText('Refused');
  await expect(outcome).toContainText('BACKWARD');
  await expect(outcome).toContainText('READER_FIELD_MISSING_DEFAULT_VALUE');
  await expect(outcome).toContainText("'subtotal'");
  // The refusal says what checkout does now, and nothing on the page claims the refused schema.
  // (Nothing is sent yet at this point, so the old schema is not registered by checkout yet.)
  await expect(outcome).toContainText('so it keeps its old schema (not registered yet');
  await expect(panel.getByRole('list', { name: 'Producers and their schemas' })).toContainText(
    'checkout writes OrderPlaced {orderId, userId, total}',
  );
  await expect(panel).toContainText('orders-value · level BACKWARD');

  await typeToSelect(page, panel.getByLabel('Compatibility of orders-value'), 'NONE');
  await keys(panel.getByRole('button', { name: 'Set level' }), 'Enter');
  await expect(outcome).toContainText('Accepted');
  await expect(panel).toContainText('orders-value · level NONE');
  await keys(panel.getByRole('button', { name: 'Register' }), 'Enter');
  await expect(outcome).toContainText('Accepted');
  await expect(panel).toContainText('v2 · id 2 · OrderPlaced {orderId, userId, subtotal}');

  // Run on: every record from here is written with the renamed schema.
  await keys(page.getByRole('button', { name: 'End' }), 'Enter');
  await expect(panel).toContainText(/Stopped on orders-0 at offset 0: .*missing required field total/);
  await expect(panel.getByRole('list', { name: 'Consumer groups and their reader schemas' })).toContainText(
    /billing-new reads OrderPlaced \{orderId, userId, subtotal\} · read \d+ · could not read 0/,
  );
  await expect(panel).toContainText(/audit-old .* dead-lettered \d+/);

  const axe = await new AxeBuilder({ page }).include('[role="tabpanel"]').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);

  // The stopped consumer says so on its node; the strip marks the records a group could not read.
  await expect(page.getByText(/cannot read orders-0@0/).first()).toBeAttached();
  await keys(page.getByRole('tab', { name: 'Partitions' }), 'Enter');
  await expect(page.getByRole('button', { name: /could not be read by audit-old/ }).first()).toBeAttached();
  expect(problems).toEqual([]);
});

test('a schema that is not JSON is answered with where the mistake is', async ({ page, problems }) => {
  test.setTimeout(90_000);
  await page.goto('/#/playground?model=kafka&scenario=schema-add-optional-fields');
  await keys(page.getByRole('tab', { name: 'Schemas' }), 'Enter');
  const panel = page.getByRole('tabpanel');
  const text = panel.getByLabel('Avro schema (JSON)');
  await text.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{"type": "record", "name": "OrderPlaced", "fields": [\n  {"name": "total" "type": "double"}]}');
  await keys(panel.getByRole('button', { name: 'Register' }), 'Enter');
  await expect(panel.getByRole('status')).toContainText(/not valid JSON \(line 2, column \d+\)/);
  // Valid JSON, invalid Avro: the registry names the place.
  await text.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('{"type": "record", "name": "OrderPlaced", "fields": [{"name": "total", "type": "dubble"}]}');
  await keys(panel.getByRole('button', { name: 'Register' }), 'Enter');
  await expect(panel.getByRole('status')).toContainText(/Refused.*\/fields\/0\/type.*dubble/);
  expect(problems).toEqual([]);
});
