import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const realtimeDir = fileURLToPath(new URL("../../realtime/", import.meta.url));

/**
 * Bundles the realtime Worker (edge/realtime) with wrangler, as a deploy would, so the API's test
 * runtime can run it beside the API: its Durable Object bindings (script_name hometrip-realtime)
 * then reach the real rooms. Returns the bundle's path.
 */
export async function bundleRealtimeWorker(outDir: string): Promise<string> {
  await promisify(execFile)(
    join(realtimeDir, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--config", "wrangler.toml", "--outdir", outDir],
    { cwd: realtimeDir, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  return join(outDir, "index.js");
}
