import { type ChildProcess, spawn } from "node:child_process";
import type { Log } from "./log.ts";

export type ManagedProcess = { name: string; child: ChildProcess; stop(): Promise<void> };

/**
 * Starts a child in its own process group so that stopping it also stops what it spawned
 * (wrangler runs workerd underneath); its output goes through `log` line by line.
 */
export function startProcess(opts: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  log: Log;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** How long the group gets to exit after SIGTERM before it is killed (default 5 s). */
  stopGraceMs?: number;
}): ManagedProcess {
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stopping = false;
  const forward = (chunk: Buffer) => opts.log(stripAnsi(chunk.toString("utf8")));
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      if (!stopping) opts.onExit?.(code, signal);
      resolve();
    });
    child.once("error", (err) => {
      opts.log(`failed to start: ${err.message}`);
      if (!stopping) opts.onExit?.(null, null);
      resolve();
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  return {
    name: opts.name,
    child,
    async stop() {
      stopping = true;
      const grace = opts.stopGraceMs ?? 5000;
      const deadline = Date.now() + grace;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), grace);
      await exited;
      clearTimeout(timer);
      // The leader may exit before what it spawned has finished shutting down (next dev's server
      // writing its cache): wait for the whole group within the same grace, then kill what is left.
      while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // nothing left in the group
      }
    },
  };
}

function groupAlive(pgid: number | undefined): boolean {
  if (pgid === undefined) return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers with one of `okStatuses`, or throws after `timeoutMs` naming the service. */
export async function waitForHttp(
  name: string,
  url: string,
  opts: { timeoutMs?: number; okStatuses?: number[]; isAlive?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  const ok = opts.okStatuses ?? [200];
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (opts.isAlive && !opts.isAlive()) throw new Error(`${name} exited before it became healthy (${url})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (ok.includes(res.status)) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error(
    `${name} did not become healthy at ${url} within ${opts.timeoutMs ?? 90_000} ms (last: ${last})`,
  );
}

// Children colour their own output; the prefix already tells services apart, so strip it.
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, "g");
function stripAnsi(text: string): string {
  return text.replace(ansi, "");
}
