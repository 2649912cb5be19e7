import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The pinned wrangler of this workspace (4.86.0), whatever is on PATH. */
export function wranglerBin(): string {
  const pkg = createRequire(import.meta.url).resolve("wrangler/package.json");
  return join(dirname(pkg), "bin/wrangler.js");
}
