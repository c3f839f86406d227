/**
 * Every written lesson's challenge, done in the page with the keyboard alone: the learner fills in
 * the challenge's own controls (focus, type, Enter — never a click on the diagram), drives time
 * with the transport's buttons, and sees the check mark the challenge done. Then, on a fresh page,
 * "Show the solution" runs the worked answer on the workbench and the same check passes.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const done = (page: Page): Locator => page.getByText('Challenge done: every goal is met.');
const controls = (page: Page): Locator => page.locator('.challenge-controls');
const group = (page: Page, title: string): Locator => controls(page).locator('fieldset', { hasText: title });

async function open(page: Page, lessonId: string): Promise<void> {
  await page.goto(`/#/lessons/${lessonId}/challenge`);
  // A generous hang bound: opening L06 replays 40 s of a busy topic on a shared 2-core machine.
  await expect(page.locator('#part-title')).toHaveText('Challenge', { timeout: 45_000 });
  await expect(page.getByRole('heading', { name: 'Check' })).toBeVisible();
  await expect(done(page)).toHaveCount(0);
}

/** Focuses a control and presses a key on it. */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

/** Replaces a text field's content by typing. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.page().keyboard.press('ControlOrMeta+a');
  await field.page().keyboard.type(text);
}

/** Picks an option of a select with the keyboard (type-ahead on the focused select). */
async function choose(select: Locator, optionStart: string): Promise<void> {
  await select.focus();
  await select.page().keyboard.type(optionStart);
  await expect(select.locator('option:checked')).toHaveText(new RegExp(`^${optionStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

/** Runs the simulation on with the transport's End button until the challenge is done (bounded). */
async function endUntilDone(page: Page, timesMax: number): Promise<void> {
  const end = page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /End/ });
  const clock = page.getByRole('status', { name: 'Virtual time' });
  for (let i = 0; i < timesMax && (await done(page).count()) === 0; i++) {
    const before = await clock.textContent();
    await press(end);
    // End may run in the background: a press while it runs is ignored, so wait for it to land.
    await expect(page.locator('.transport-ending')).toHaveCount(0, { timeout: 60_000 });
    await expect.poll(() => clock.textContent(), { timeout: 30_000 }).not.toBe(before);
  }
  await expect(done(page)).toBeVisible();
}

const steps: Record<string, (page: Page) => Promise<void>> = {
  async L02(page) {
    await press(group(page, 'A consumer group').getByRole('button', { name: 'Add a consumer' }));
    // Let the group rebalance before the orders arrive, so the new consumer gets some of them.
    await press(page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /End/ }));
    await expect(page.locator('.goal-met')).toHaveCount(1);
    const produce = group(page, 'Produce records');
    await choose(produce.getByLabel('Producer'), 'shop');
    await typeInto(produce.getByLabel('Key'), 'order-21');
    await typeInto(produce.getByLabel('Event type'), 'OrderPlaced');
    await typeInto(produce.getByLabel('How many'), '10');
    await press(produce.getByLabel('How many'));
    await expect(produce.getByRole('status')).toHaveText('shop wrote 10 records, keys order-21 to order-30 to orders.');
    await endUntilDone(page, 8);
  },
  async L04(page) {
    const produce = group(page, 'Produce records');
    await choose(produce.getByLabel('Topic'), 'orders');
    await typeInto(produce.getByLabel('Key'), 'order-22');
    await typeInto(produce.getByLabel('Event type'), 'OrderPlaced');
    await press(produce.getByLabel('Event type'));
    await typeInto(produce.getByLabel('Key'), 'order-22');
    await typeInto(produce.getByLabel('Event type'), 'PaymentCharged');
    await press(produce.getByLabel('Event type'));
    await expect(produce.getByRole('status')).toContainText('PaymentCharged order-22 to orders');
    await endUntilDone(page, 8);
  },
  async L05(page) {
    const add = group(page, 'A consumer group').getByRole('button', { name: 'Add a consumer' });
    for (let i = 0; i < 4; i++) await press(add);
    await endUntilDone(page, 6);
  },
  async L06(page) {
    const form = group(page, "A consumer's processing time");
    await choose(form.getByLabel('Consumer'), 'billing-c4');
    await expect(form.getByLabel('ms per record')).toHaveValue('20');
    await typeInto(form.getByLabel('ms per record'), '10');
    await press(form.getByLabel('ms per record'));
    await expect(form.getByRole('status')).toHaveText('billing-c4 is faster: now 10 ms a record (up to 100 records a second).');
    // End runs 10 seconds at a time: from 40 s to 100 s is six presses.
    await endUntilDone(page, 6);
    await expect(page.getByRole('status', { name: 'Virtual time' })).toContainText('1 min 40 s');
  },
  async L07(page) {
    const form = group(page, 'A consumer group');
    await press(form.getByRole('button', { name: 'Remove from the group' }));
    // Kafka resets only a group with no members: straight away, the leave is still in flight.
    await choose(form.getByLabel('Reset to'), 'a time');
    await typeInto(form.getByLabel('At second'), '15');
    await press(form.getByLabel('At second'));
    await expect(form.getByRole('alert')).toContainText('its consumers are leaving');
    const step = page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /Step/ });
    for (let i = 0; i < 30 && !(await form.textContent())?.includes('analytics: no active members'); i++) await press(step);
    await expect(form).toContainText('analytics: no active members');
    await press(form.getByLabel('At second'));
    await expect(form.getByRole('status')).toHaveText("analytics's offsets on orders now point at 20.");
    await press(form.getByRole('button', { name: 'Add a consumer' }));
    await endUntilDone(page, 4);
  },
  async L08(page) {
    // The challenge opens at 2 s, before the crash booked at 2.1 s: write with the acks=all producer.
    const produce = group(page, 'Produce records');
    await choose(produce.getByLabel('Producer'), 'checkout');
    await typeInto(produce.getByLabel('Key'), 'order-10');
    await press(produce.getByLabel('Key'));
    await expect(produce.getByRole('status')).toHaveText('checkout wrote OrderPlaced order-10 to orders.');
    await endUntilDone(page, 4);
  },
  async L09(page) {
    // At 3.8 s billing-c1 is part-way through its first batch: a clean leave before its commit.
    const form = group(page, 'A consumer group');
    await choose(form.getByLabel('Group'), 'billing');
    await choose(form.getByLabel('Member'), 'billing-c1');
    await press(form.getByRole('button', { name: 'Remove from the group' }));
    await expect(form.getByRole('status')).toHaveText('billing-c1 is leaving billing (a clean leave).');
    await press(form.getByRole('button', { name: 'Add a consumer' }));
    await expect(form.getByRole('status')).toHaveText('A new consumer is joining billing; the group rebalances.');
    await endUntilDone(page, 4);
  },
  async L10(page) {
    // A new run with the dedup step on: write a shipment and run on until its one SMS went out.
    const produce = group(page, 'Produce records');
    await typeInto(produce.getByLabel('Key'), 'order-777');
    await typeInto(produce.getByLabel('Event type'), 'OrderShipped');
    await press(produce.getByLabel('Event type'));
    await expect(produce.getByRole('status')).toHaveText('shop wrote OrderShipped order-777 to shipments.');
    await endUntilDone(page, 4);
  },
  async L11(page) {
    // billing stores order-100 as OrderPlaced after the replay: write its latest event again.
    const produce = group(page, 'Produce records');
    await typeInto(produce.getByLabel('Key'), 'order-100');
    await typeInto(produce.getByLabel('Event type'), 'OrderCancelled');
    await press(produce.getByLabel('Event type'));
    await expect(produce.getByRole('status')).toHaveText('shop wrote OrderCancelled order-100 to orders.');
    await endUntilDone(page, 4);
  },
  async L13(page) {
    const money = group(page, 'Deposit or withdraw');
    // The account's rules refuse an overdraft, said beside the form.
    await typeInto(money.getByLabel('Amount'), '5000');
    await press(money.getByRole('button', { name: 'Withdraw' }));
    await expect(money.getByRole('alert')).toContainText('insufficient funds — account-42 holds 750');
    await typeInto(money.getByLabel('Amount'), '50');
    await press(money.getByLabel('Amount'));
    await expect(money.getByRole('status')).toHaveText('Deposited 50: a new event on account-42; the balance is 800.');
    const load = group(page, 'Load as of a revision');
    await typeInto(load.getByLabel('Revision'), '3');
    await press(load.getByLabel('Revision'));
    await expect(load.getByRole('status')).toContainText('balance 750');
    await expect(done(page)).toBeVisible();
  },
  async L15(page) {
    const snaps = group(page, 'Snapshot interval');
    await typeInto(snaps.getByLabel('Every'), '100');
    await press(snaps.getByLabel('Every'));
    await expect(snaps.getByRole('status')).toContainText('account-7 has 100 snapshots, the newest at revision 9,999');
    const load = group(page, 'Load as of a revision');
    await typeInto(load.getByLabel('Revision'), '9998');
    await press(load.getByLabel('Revision'));
    await expect(load.getByRole('status')).toContainText('replayed 99 events from the snapshot at revision 9,899');
    await expect(done(page)).toBeVisible();
  },
  async L19(page) {
    const coordinator = group(page, 'Coordinator crash');
    await choose(coordinator.getByLabel('Crash after the next YES votes'), 'after');
    await press(coordinator.getByRole('button', { name: 'Plant the crash' }));
    await expect(coordinator.getByRole('status')).toContainText('after it logs the decision');
    const txs = group(page, 'Transactions');
    await press(txs.getByRole('button', { name: 'Begin tx-1' }));
    await expect(txs.getByRole('status')).toContainText('Began tx-1');
    await press(page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /End/ }));
    await expect(coordinator).toContainText('The coordinator is down.');
    await press(coordinator.getByRole('button', { name: 'Recover the coordinator' }));
    await expect(coordinator.getByRole('status')).toContainText('The coordinator is back');
    await endUntilDone(page, 3);
  },
  async L20(page) {
    const order = group(page, 'Order of the steps');
    // Shipping-first: move create-shipment down past charge-payment.
    await press(order.getByRole('button', { name: 'Move create-shipment down' }));
    await press(order.getByRole('button', { name: 'Use this order' }));
    await expect(order.getByRole('status')).toHaveText(
      'New sagas run create-order → reserve-inventory → charge-payment → create-shipment.',
    );
    const faults = group(page, 'Faults and orders');
    await choose(faults.getByLabel('Refuse the next'), 'charge-payment');
    await press(faults.getByRole('button', { name: 'Plant the refusal' }));
    await press(faults.getByLabel('Order id'));
    await expect(faults.getByRole('status')).toContainText('Placed order-6');
    await endUntilDone(page, 3);
  },
  async L21(page) {
    const faults = group(page, 'Faults');
    await choose(faults.getByLabel('Plant'), 'shipping');
    await press(faults.getByRole('button', { name: 'Plant the fault' }));
    await expect(faults.getByRole('status')).toContainText('Planted: shipping');
    await choose(faults.getByLabel('Plant'), 'payment crashes');
    await press(faults.getByRole('button', { name: 'Plant the fault' }));
    await expect(faults.getByRole('status')).toContainText('Planted: payment crashes');
    const orders = group(page, 'Orders');
    await press(orders.getByLabel('Order id'));
    await expect(orders.getByRole('status')).toContainText('Placed order-5');
    await endUntilDone(page, 6);
  },
  async L22(page) {
    const faults = group(page, 'Faults');
    await choose(faults.getByLabel('Plant'), 'relay');
    await press(faults.getByRole('button', { name: 'Plant the fault' }));
    await expect(faults.getByRole('status')).toContainText('Planted: relay');
    await choose(faults.getByLabel('Plant'), 'consumer');
    await press(faults.getByRole('button', { name: 'Plant the fault' }));
    await expect(faults.getByRole('status')).toContainText('Planted: consumer');
    const orders = group(page, 'Orders');
    await press(orders.getByLabel('Order id'));
    await expect(orders.getByRole('status')).toContainText('Placed order-3');
    await endUntilDone(page, 3);
  },
  async L23(page) {
    const faults = group(page, 'Faults');
    await choose(faults.getByLabel('Plant'), 'payment declines');
    await press(faults.getByRole('button', { name: 'Plant the fault' }));
    await expect(faults.getByRole('status')).toContainText('Planted: payment declines');
    const orders = group(page, 'Orders');
    await press(orders.getByLabel('Order id'));
    await expect(orders.getByRole('status')).toContainText('Placed order-10');
    await endUntilDone(page, 3);
    // The learner finds it in the Causation tree: PaymentFailed's tree, as a list and as a sequence diagram.
    await press(page.getByRole('tab', { name: 'Causation tree' }));
    // It opens on the newest order's first event; pressing an event's name re-roots the tree there.
    await press(page.getByRole('button', { name: /^Show the tree of rec-\d+ PaymentFailed · order-10$/ }));
    const tree = page.getByRole('list', { name: /^What rec-\d+ PaymentFailed · order-10 caused$/ });
    await expect(tree.getByRole('button')).toHaveText(['PaymentFailed', 'OrderCancelled']);
    await expect(
      page.getByRole('img', { name: /^Sequence diagram of what rec-\d+ PaymentFailed · order-10 caused$/ }),
    ).toContainText('OrderCancelled');
    await press(page.getByRole('tab', { name: 'Lag and catalog' }));
    await expect(page.getByRole('row', { name: /^PaymentFailed payment order/ })).toBeVisible();
  },
  async L24(page) {
    // One partition: a second consumer would sit idle. Speed pricing up, let the backlog drain, ask again.
    const form = group(page, "A consumer's processing time");
    await choose(form.getByLabel('Consumer'), 'pricing-c1');
    await typeInto(form.getByLabel('ms per record'), '20');
    await press(form.getByLabel('ms per record'));
    await expect(form.getByRole('status')).toHaveText('pricing-c1 is faster: now 20 ms a record (up to 50 records a second).');
    await press(page.getByRole('toolbar', { name: 'Simulation controls' }).getByRole('button', { name: /End/ }));
    const produce = group(page, 'Produce records');
    await choose(produce.getByLabel('Producer'), 'checkout');
    await typeInto(produce.getByLabel('Key'), 'cart-2');
    await press(produce.getByLabel('Key'));
    await expect(produce.getByRole('status')).toHaveText('checkout wrote PriceRequested cart-2 to requests.');
    await endUntilDone(page, 3);
  },
};

for (const [lessonId, doIt] of Object.entries(steps)) {
  test(`${lessonId}: the challenge is done in the page with the keyboard`, async ({ page, problems }) => {
    test.setTimeout(90_000);
    await open(page, lessonId);
    await doIt(page);
    for (const mark of await page.locator('.goal-mark').allTextContents()) expect(mark).toBe('✓ done');
    expect(problems).toEqual([]);
  });

  test(`${lessonId}: Show the solution runs it on the workbench and passes the check`, async ({ page, problems }) => {
    test.setTimeout(150_000);
    await open(page, lessonId);
    await press(page.getByRole('button', { name: 'Show the solution' }));
    await expect(page.getByRole('button', { name: 'Stop the solution' })).toBeVisible();
    // A hang bound, not a speed test: L06's solution plays 60 s of a busy topic in 24 stretches.
    await expect(page.getByRole('heading', { name: 'The solution' })).toBeVisible({ timeout: 100_000 });
    await expect(done(page)).toBeVisible();
    // It ran as commands on the workbench, so the learner can step back through it.
    const toolbar = page.getByRole('toolbar', { name: 'Simulation controls' });
    await expect(toolbar.getByRole('button', { name: 'Back', exact: true })).toBeEnabled();
    expect(problems).toEqual([]);
  });
}
