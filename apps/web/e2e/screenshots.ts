import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const dir = fileURLToPath(new URL("../test-results/screenshots/", import.meta.url));
let count = 0;

/** Full-page screenshots kept as artifacts, numbered in the order the journey took them. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  count += 1;
  await page.screenshot({ path: join(dir, `${String(count).padStart(2, "0")}-${name}.png`), fullPage: true });
}
