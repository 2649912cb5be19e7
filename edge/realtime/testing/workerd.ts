import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Miniflare } from "miniflare";

const realtimeDir = fileURLToPath(new URL("../", import.meta.url));

export interface RealtimeWorkerd {
  url: string;
  /** For callers that open room sockets through `dispatchFetch` rather than over the network. */
  miniflare: Miniflare;
  close(): Promise<void>;
}

/**
 * The realtime Worker as `wrangler deploy` would build it, served by workerd through Miniflare
 * with nothing in front (no `wrangler dev` proxy worker), rooms and SQLite storage included.
 * `bindings` are its vars and secrets (APP_ENV, ROOM_TOKEN_SECRET, REALTIME_INTERNAL_TOKEN, …).
 */
export async function startRealtimeWorkerd(bindings: Record<string, string>): Promise<RealtimeWorkerd> {
  const dir = await mkdtemp(join(tmpdir(), "hometrip-realtime-workerd-"));
  const outDir = join(dir, "bundle");
  const scriptPath = await bundleRealtimeWorker(outDir);
  const miniflare = new Miniflare({
    name: "hometrip-realtime",
    compatibilityDate: "2026-04-26",
    compatibilityFlags: ["nodejs_compat"],
    modulesRoot: outDir,
    modules: [{ type: "ESModule", path: scriptPath, contents: await readFile(scriptPath, "utf8") }],
    durableObjects: {
      ConversationRoom: { className: "ConversationRoom", useSQLite: true },
      UserRoom: { className: "UserRoom", useSQLite: true },
    },
    bindings,
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = (await miniflare.ready).origin;
  return {
    url,
    miniflare,
    async close() {
      await miniflare.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Bundles the realtime Worker with wrangler into `outDir`, as a deploy would (also for the API's
 * test runtime, which runs it beside the API so its Durable Object bindings reach real rooms).
 * Returns the bundle's path.
 */
export async function bundleRealtimeWorker(outDir: string): Promise<string> {
  await promisify(execFile)(
    join(realtimeDir, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--config", "wrangler.toml", "--outdir", outDir],
    { cwd: realtimeDir, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  return join(outDir, "index.js");
}
