/**
 * Deleting from the Build tab with the keyboard alone: a group with a member is refused in Kafka's
 * words; a topic in use is deleted (its node leaves the picture, the narration says what its
 * clients now get), a step back brings it back, and once the group's consumer has left the group
 * is deleted. One page for the whole walk. And the saga's Build tab: a step's compensation switched
 * off and back by a step back; the choreography's: who reacts to OrderPlaced rewired, a duplicate
 * refused, a step back.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

const scrubber = (page: Page) => page.getByRole('slider', { name: 'Position in the timeline' });
const part = (page: Page, legend: string) => page.getByRole('group', { name: legend });
const node = (page: Page, label: string) =>
  page.locator('.react-flow__node').filter({ has: page.locator('.node-label', { hasText: new RegExp(`^${label}$`) }) });

async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.press(key);
}
async function typeInto(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.press('ControlOrMeta+a');
  await target.pressSequentially(text);
}
async function keys(page: Page, key: string, times: number): Promise<void> {
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test.describe.configure({ timeout: 120_000 });

test('Build tab: delete a topic in use and an empty group; a group with members is refused; step back undoes', async ({
  page,
  problems,
}) => {
  await page.goto('/#/playground?model=kafka&scenario=blank');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  const status = page.locator('.builder-status');
  const narration = page.locator('.narration-area');
  await press(part(page, 'Brokers').getByRole('button', { name: 'Add broker' }));
  await typeInto(page.getByLabel('Topic name'), 'orders');
  await page.getByLabel('Topic name').press('Enter');
  await expect(status).toHaveText('Done: topic orders created. Step back (←) to undo it.');
  await typeInto(page.getByLabel('Producer id'), 'shop');
  await page.getByLabel('Producer id').press('Enter');
  await typeInto(page.getByLabel('group.id'), 'billing');
  await page.getByLabel('group.id').press('Enter');
  await expect(status).toHaveText('Done: group billing joined. Step back (←) to undo it.');
  await keys(page, 'ArrowRight', 10);

  // A group with a running consumer: Kafka's GroupNotEmptyException.
  await press(part(page, 'Delete a consumer group').getByRole('button', { name: 'Delete group' }));
  await expect(status).toContainText("Group 'billing' could not be deleted: The group is not empty (GroupNotEmptyException)");

  // The topic goes while the producer writes to it and the group reads it.
  await expect(node(page, 'orders')).toHaveCount(1);
  const beforeDelete = Number(await scrubber(page).inputValue());
  await press(part(page, 'Delete a topic').getByRole('button', { name: 'Delete topic' }));
  await expect(status).toHaveText('Done: topic orders deleted. Step back (←) to undo it.');
  await expect(scrubber(page)).toHaveValue(String(beforeDelete + 1));
  await expect(node(page, 'orders')).toHaveCount(0);
  await expect(narration).toContainText('Topic orders was deleted with its 3 partitions and their records.');
  await expect(node(page, 'shop')).toContainText('error');
  // Nothing left to delete: the form goes with the last topic.
  await expect(part(page, 'Delete a topic')).toHaveCount(0);

  // A step back undoes the delete: the topic is in the picture again.
  await keys(page, 'ArrowLeft', 1);
  await expect(scrubber(page)).toHaveValue(String(beforeDelete));
  await expect(node(page, 'orders')).toHaveCount(1);

  // The consumer leaves; once the coordinator has its LeaveGroup, the empty group can be deleted.
  await press(page.getByLabel('Actions for billing-c1'));
  await press(page.locator('.node-actions[open]').getByRole('button', { name: 'Leave group' }));
  await expect(node(page, 'billing-c1')).toContainText('left the group');
  // The node's menu showed it in the Inspector: back to the Build tab.
  await press(page.getByRole('tab', { name: 'Build' }));
  await expect(part(page, 'Delete a consumer group')).toBeVisible();
  // Step on until the refusal gives way (each try waits for the form's answer before the next).
  await expect(async () => {
    await keys(page, 'ArrowRight', 2);
    await press(part(page, 'Delete a consumer group').getByRole('button', { name: 'Delete group' }));
    await expect(status).toHaveText('Done: group billing deleted. Step back (←) to undo it.', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(node(page, 'billing')).toHaveCount(0);
  await expect(node(page, 'billing-c1')).toHaveCount(0);
  await expect(narration).toContainText('Group billing was deleted with its committed offsets');
  expect(problems).toEqual([]);
});

test('saga Build tab: switch a step’s compensation off and on by keyboard; a step back undoes it', async ({ page, problems }) => {
  await page.goto('/#/playground?model=saga&scenario=blank');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  const narration = page.locator('.narration-area');
  await press(page.getByRole('button', { name: 'Add step' }));
  await expect(page.getByText('Sagas now run create-order → reserve-inventory.')).toBeVisible();
  const before = Number(await scrubber(page).inputValue());
  await press(page.getByRole('button', { name: 'No compensation for reserve-inventory' }));
  await expect(page.getByText('New sagas leave reserve-inventory for a person to undo.')).toBeVisible();
  await expect(narration).toContainText('Step reserve-inventory has no compensation in sagas started from now on');
  await expect(page.getByText('reserve-inventory (inventory; cannot be undone by a compensation)')).toBeVisible();
  await expect(scrubber(page)).toHaveValue(String(before + 1));
  await keys(page, 'ArrowLeft', 1);
  await expect(scrubber(page)).toHaveValue(String(before));
  await expect(page.getByRole('button', { name: 'No compensation for reserve-inventory' })).toBeVisible();
  await expect(page.getByText('reserve-inventory (inventory; undone by release-inventory)')).toBeVisible();
  expect(problems).toEqual([]);
});

test('choreography Build tab: rewire who reacts to OrderPlaced by keyboard; a refusal names why; a step back undoes', async ({
  page,
  problems,
}) => {
  await page.goto('/#/playground?model=choreography&scenario=blank');
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  const narration = page.locator('.narration-area');
  const feedback = page.locator('.control-feedback');
  await press(page.getByRole('button', { name: 'Remove payment on OrderPlaced' }));
  await expect(feedback).toHaveText('payment now ignores OrderPlaced.');
  await expect(narration).toContainText('From now on the payment service ignores OrderPlaced (it ran charge-payment).');
  await expect(page.getByRole('button', { name: 'Remove payment on OrderPlaced' })).toHaveCount(0);
  // The form's defaults: on OrderPlaced, inventory runs reserve-inventory and announces InventoryReserved.
  await press(page.getByRole('button', { name: 'Add reaction' }));
  await expect(feedback).toHaveText('From now on inventory reacts to OrderPlaced with reserve-inventory.');
  const withReaction = Number(await scrubber(page).inputValue());
  await press(page.getByRole('button', { name: 'Add reaction' }));
  await expect(feedback).toHaveText('Refused: the inventory service reacts to OrderPlaced already; remove that reaction first');
  await expect(scrubber(page)).toHaveValue(String(withReaction));
  await keys(page, 'ArrowLeft', 1);
  await expect(scrubber(page)).toHaveValue(String(withReaction - 1));
  await expect(page.getByRole('button', { name: 'Remove inventory on OrderPlaced' })).toHaveCount(0);
  expect(problems).toEqual([]);
});
