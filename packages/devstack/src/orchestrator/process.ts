import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Log } from "./log.ts";

export type ManagedProcess = {
  name: string;
  child: ChildProcess;
  /** Stops the child's whole process group; resolves once no process of it is left. Idempotent. */
  stop(): Promise<void>;
};

/** After SIGKILL, how long to wait for the kernel to take the group down before giving up on it. */
const killWaitMs = 5000;

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
  let stopping: Promise<void> | undefined;
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
  return {
    name: opts.name,
    child,
    stop() {
      stopping ??= (async () => {
        // The group id is the leader's pid; it stays the group's while any member lives, also
        // after the leader itself has exited (wrangler gone, workerd still running).
        const pgid = child.pid;
        if (pgid === undefined) return;
        const grace = opts.stopGraceMs ?? 5000;
        signalGroup(pgid, "SIGTERM");
        if (await groupGone(pgid, exited, grace)) return;
        // Something ignored SIGTERM (workerd can) or is still shutting down: SIGKILL cannot be ignored.
        opts.log(`still running ${grace} ms after SIGTERM; killing its process group`);
        signalGroup(pgid, "SIGKILL");
        if (!(await groupGone(pgid, exited, killWaitMs))) {
          opts.log(`process group ${pgid} survived SIGKILL: ${liveMembers(pgid).join(", ")}`);
        }
      })();
      return stopping;
    },
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

/** Waits up to `ms` for the leader to exit and every other member of its group with it. */
async function groupGone(pgid: number, leaderExited: Promise<void>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([leaderExited, new Promise((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
  for (;;) {
    if (liveMembers(pgid).length === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The pids still running in group `pgid`. On Linux from /proc, skipping zombies: an orphan killed
 * here is reparented to pid 1, and an init that never reaps (a container's) would keep it "alive"
 * to `kill(-pgid, 0)` forever. Elsewhere that probe is all there is.
 */
export function liveMembers(pgid: number): number[] {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const members: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") members.push(Number(name));
  }
  return members;
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
