import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { snap } from "./screenshots.ts";

/**
 * A booking page at a laptop's width and a phone's (1366 and 390 px): a full-page screenshot of
 * each, and at each width the page must not scroll sideways.
 */
export async function snapBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await snap(page, `${name}-${width}`);
  }
  if (before) await page.setViewportSize(before);
}
