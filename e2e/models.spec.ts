/**
 * Every model in the playground, in Chromium against the production build: pick it from the
 * Model menu, make something happen through a node's actions, step forward and back, and check
 * that the link the page writes reopens the same moment in a new page. A model added to the
 * registry without a row in `firstMoves` fails here, so no model ships untried.
 */
import type { Page } from '@playwright/test';
import lz from 'lz-string';
import { test, expect } from './fixtures.ts';

const clock = (page: Page) => page.getByLabel('Virtual time');
const scrubber = (page: Page) => page.getByRole('slider', { name: 'Position in the timeline' });

/** For each model: the node (by its label) and the action that gets a run going, if one is needed. */
const firstMoves: Record<string, Array<{ node: string; action: string }>> = {
  kafka: [],
  eventstore: [
    { node: 'commands', action: 'Open account-1' },
    { node: 'event store', action: 'Add projection balances' },
    { node: 'account-1', action: 'Deposit 100' },
  ],
  saga: [
    { node: 'orchestrator', action: 'Place order-1' },
    { node: 'payment service', action: 'Refuse the next charge-payment' },
    { node: 'orchestrator', action: 'Place order-2' },
  ],
  choreography: [
    { node: 'payment service', action: 'Refuse the next charge-payment' },
    { node: 'customer', action: 'Place order-1' },
  ],
  'kafka-choreography': [{ node: 'customer', action: 'Place order-1' }],
  'two-phase-commit': [
    { node: 'payments-db', action: 'Vote NO on the next prepare' },
    { node: 'coordinator', action: 'Begin tx-1' },
  ],
  outbox: [{ node: 'customer', action: 'Place order-1' }],
  'idempotent-consumer': [
    { node: 'broker', action: 'Deliver evt-1' },
    { node: 'broker', action: 'Redeliver evt-1' },
  ],
  // The topic-alerts scenario publishes on its own; the learner adds one more from the exchange.
  amqp: [{ node: 'alerts', action: 'with key "critical.any"' }],
  'cqrs-feed': [
    { node: 'authors', action: 'Post as ana' },
    { node: 'readers', action: 'Read as ana' },
  ],
};

async function act(page: Page, node: string, action: string): Promise<void> {
  const card = page.locator('.node-card', { has: page.locator(`summary[aria-label="Actions for ${node}"]`) }).first();
  await card.locator('summary').click();
  await card.getByRole('button', { name: action }).first().click();
}

/** The model id and cursor of the link in the address bar, once the page has written one. */
function linkMoment(page: Page): string | null {
  const text = new URL(page.url().replace('#/playground', '')).searchParams.get('s');
  if (!text?.startsWith('v2:')) return null;
  const wire = JSON.parse(lz.decompressFromEncodedURIComponent(text.slice(3)) ?? 'null') as { m?: string; k?: number } | null;
  return `${wire?.m} at ${wire?.k}`;
}

test('the Model menu offers exactly the models this spec tries', async ({ page, problems }) => {
  await page.goto('/#/playground');
  // The playground loads on demand: wait for its Model menu before reading the options.
  await expect(page.getByLabel('Model')).toBeVisible();
  const options = await page
    .getByLabel('Model')
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.sort()).toEqual(Object.keys(firstMoves).sort());
  expect(problems).toEqual([]);
});

for (const [model, moves] of Object.entries(firstMoves)) {
  test(`${model}: runs, steps back, and a link reopens the same moment`, async ({ page, context, problems }) => {
    await page.goto('/#/playground');
    await page.getByLabel('Model').selectOption(model);
    await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
    // The legend of what flies speaks the model's words: Kafka's fetches and revokes only on Kafka.
    const legend = page.locator('.flight-legend');
    await expect(legend).toContainText('travelling together');
    if (model === 'kafka') await expect(legend).toContainText('a commit, assign or revoke');
    else await expect(legend).not.toContainText(/fetch|revoke/);
    for (const m of moves) await act(page, m.node, m.action);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    // Up to six steps: a model whose run is over (the bank once its projection caught up) stops earlier.
    for (let i = 0; i < 6 && (await step.isEnabled()); i++) await step.click();
    await page.getByRole('button', { name: 'Back' }).click();
    const position = await scrubber(page).inputValue();
    expect(Number(position)).toBeGreaterThan(0);
    const time = await clock(page).textContent();
    await expect.poll(() => linkMoment(page)).toBe(`${model} at ${position}`);
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(clock(other)).toHaveText(time ?? '');
    await expect(scrubber(other)).toHaveValue(position);
    await expect(other.getByLabel('Model')).toHaveValue(model);
    // The trace speaks the model's own words at that moment, the same in both pages.
    await other.getByRole('tab', { name: 'Trace' }).click();
    await page.getByRole('tab', { name: 'Trace' }).click();
    await expect(other.getByRole('tabpanel')).toHaveText((await page.getByRole('tabpanel').textContent()) ?? '');
    expect(problems).toEqual([]);
  });
}

test('a RabbitMQ scenario downloads as a Node program that runs it on a real broker', async ({ page, problems }) => {
  await page.goto('/#/playground?model=amqp&scenario=work-queue-dead-letters');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Run on a real RabbitMQ…' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('eda-lab-rabbitmq.mjs');
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(text).toContain("import amqp from 'amqplib';");
  expect(text).toContain('"jobs.dlx"');
  expect(text).toContain('runAmqpScriptOnBroker');
  expect(problems).toEqual([]);
});

test('RabbitMQ routing can be built from the page: an exchange, a queue, a binding and a consumer', async ({
  page,
  problems,
}) => {
  await page.goto('/#/playground?model=amqp&scenario=topic-alerts');
  await page.getByText('Build routing').click();
  await page.getByLabel('Exchange', { exact: true }).fill('logs');
  await page.getByLabel('type').selectOption('topic');
  await page.getByRole('button', { name: 'Declare exchange' }).click();
  await page.getByLabel('Queue', { exact: true }).fill('errors');
  await page.getByRole('button', { name: 'Declare queue' }).click();
  await page.getByLabel('Exchange to bind from').selectOption('logs');
  await page.getByLabel('Queue to bind to').selectOption('errors');
  await page.getByLabel('Binding key').fill('*.error');
  await page.getByRole('button', { name: 'Bind', exact: true }).click();
  await page.getByLabel('Consumer', { exact: true }).fill('reader');
  await page.getByRole('button', { name: 'Consume from errors' }).click();
  // The new binding is drawn with its key, and a message published with a matching key reaches the queue.
  await expect(page.locator('.react-flow__node[data-id="queue:errors"]')).toBeVisible();
  await act(page, 'logs', 'with key "any.error"');
  await page.getByRole('button', { name: 'End' }).click();
  await page.getByRole('tab', { name: 'Trace' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('routed "msg-');
  await expect(page.getByRole('tabpanel')).toContainText("to queue 'errors'");
  await expect(page.getByRole('tabpanel')).toContainText("to consumer 'reader'");
  expect(problems).toEqual([]);
});

test('at phone width no model pushes the page sideways (long scenario titles included)', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const model of Object.keys(firstMoves)) {
    await page.goto(`/#/playground?model=${model}`);
    await expect(page.getByLabel('Model')).toHaveValue(model);
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, model).toBeLessThanOrEqual(inner);
  }
  expect(problems).toEqual([]);
});
