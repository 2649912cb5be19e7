import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Miniflare } from "miniflare";
import type { RealtimeDev } from "./realtime-dev.ts";

const realtimeDir = fileURLToPath(new URL("../", import.meta.url));

/**
 * The realtime Worker as `wrangler deploy` would build it, served by workerd through Miniflare
 * with nothing in front (no `wrangler dev` proxy worker), rooms and SQLite storage included.
 */
export async function startRealtimeWorkerd(
  vars: Record<string, string>,
  log: (line: string) => void,
): Promise<RealtimeDev> {
  const dir = mkdtempSync(join(tmpdir(), "hometrip-bench-chat-"));
  const outDir = join(dir, "bundle");
  await promisify(execFile)(
    join(realtimeDir, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--config", "wrangler.toml", "--outdir", outDir],
    { cwd: realtimeDir, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const scriptPath = join(outDir, "index.js");
  const miniflare = new Miniflare({
    name: "hometrip-realtime",
    compatibilityDate: "2026-04-26",
    compatibilityFlags: ["nodejs_compat"],
    modulesRoot: outDir,
    modules: [{ type: "ESModule", path: scriptPath, contents: readFileSync(scriptPath, "utf8") }],
    durableObjects: {
      ConversationRoom: { className: "ConversationRoom", useSQLite: true },
      UserRoom: { className: "UserRoom", useSQLite: true },
    },
    bindings: vars,
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = (await miniflare.ready).origin;
  log(`realtime Worker bundle in workerd via Miniflare at ${url}`);
  return {
    url,
    close: async () => {
      await miniflare.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
