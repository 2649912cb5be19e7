import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@hometrip/devstack";

const realtimeDir = fileURLToPath(new URL("../", import.meta.url));

export type RealtimeDev = { url: string; close(): Promise<void> };

/**
 * The realtime Worker under `wrangler dev`, as `bun run dev` serves it, on a free port of
 * 127.0.0.1 with its own state and dev registry in a temp dir (secrets in a 0600 env file).
 */
export async function startRealtimeDev(
  vars: Record<string, string>,
  log: (line: string) => void,
): Promise<RealtimeDev> {
  const dir = mkdtempSync(join(tmpdir(), "hometrip-bench-chat-"));
  mkdirSync(join(dir, "private"), { mode: 0o700 });
  const envFile = join(dir, "private", "realtime.env");
  writeFileSync(
    envFile,
    Object.entries(vars)
      .map(([k, v]) => `${k}='${v}'\n`)
      .join(""),
    { mode: 0o600 },
  );
  chmodSync(envFile, 0o600);
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(realtimeDir, "node_modules/.bin/wrangler"),
    [
      "dev",
      "--config",
      "wrangler.toml",
      "--env-file",
      envFile,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      "0",
      "--persist-to",
      join(dir, "state"),
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: realtimeDir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_REGISTRY_PATH: join(dir, "registry"),
        FORCE_COLOR: "0",
      },
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => {
        child.once("exit", resolve);
        setTimeout(resolve, 5_000);
      });
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`wrangler dev did not answer /health in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`realtime Worker under wrangler dev at ${url}`);
  return { url, close };
}
