// Reading the app as a student would, in the end-to-end tests: a node's card in the Network panel, its height
// and tip, and selecting it.
import type { Page } from 'playwright-core';

export const card = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Network' })
    .locator('li.node-card', { has: page.getByRole('button', { name, exact: true }) });

export async function height(page: Page, name: string): Promise<number> {
  const text = await card(page, name).locator('.node-facts strong').textContent();
  return Number(text);
}

export async function tip(page: Page, name: string): Promise<string | null> {
  return card(page, name).locator('.node-facts .mono').getAttribute('title');
}

/** Select a node by its card, then use the controls bar. */
export async function select(page: Page, name: string) {
  await page.getByRole('region', { name: 'Network' }).getByRole('button', { name, exact: true }).click();
}

/** Open one of the app's views by its tab ("Network & consensus", "Chain", "Lessons", "Experiments"). */
export async function openView(page: Page, tab: string) {
  await page.getByRole('tab', { name: tab, exact: true }).click();
}
