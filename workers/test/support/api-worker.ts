import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export interface ApiWorker {
  url: string;
  /** Every line the Worker logged (its JSON logs), for tests that follow a request through them. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The API Worker as `wrangler deploy` would build it, run by workerd through Miniflare with the
 * given bindings (the event stack's database, broker and workers URL): the edge hop of tests
 * that follow one request across runtimes.
 */
export async function startApiWorker(vars: Record<string, string>): Promise<ApiWorker> {
  const dir = await mkdtemp(join(tmpdir(), "hometrip-api-worker-"));
  const configPath = join(root, "wrangler.toml");
  const build = spawnSync(
    join(root, "edge/api/node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--config", configPath, "--outdir", join(dir, "bundle")],
    { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  if (build.status !== 0) throw new Error(`wrangler build failed:\n${build.stdout}${build.stderr}`);
  const scriptPath = join(dir, "bundle/index.js");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
  const logs: string[] = [];
  const miniflare = new Miniflare({
    name: "hometrip-api",
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags,
    modulesRoot: join(dir, "bundle"),
    modules: [{ type: "ESModule", path: scriptPath, contents: await readFile(scriptPath, "utf8") }],
    bindings: { ...workerOptions.bindings, ...vars },
    r2Buckets: Object.keys(workerOptions.r2Buckets ?? {}),
    r2Persist: join(dir, "r2"),
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr]) {
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => logs.push(...chunk.split("\n").filter(Boolean)));
      }
    },
  });
  const url = (await miniflare.ready).origin;
  return {
    url,
    logs,
    async close() {
      await miniflare.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
