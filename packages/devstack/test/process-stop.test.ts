import { describe, expect, it } from "vitest";
import { liveMembers, type ManagedProcess, startProcess } from "../src/orchestrator/process.ts";
import { StackStoppedError, type StartScope, stoppableStart } from "../src/orchestrator/start-scope.ts";
import { commandLine } from "./process-tree.ts";

/**
 * Real children, the shape `wrangler dev` has: a leader that exits on SIGTERM and, in its process
 * group, a runtime (workerd) that ignores SIGTERM. Linux only, like process-tree.ts.
 */
const ignoresTerm = `process.on("SIGTERM", () => {}); console.log("runtime " + process.pid); setInterval(() => {}, 1000);`;
const leaderOver = (runtime: string, leaderIgnoresTerm: boolean) => `
  const { spawn } = require("node:child_process");
  spawn(process.execPath, ["-e", ${JSON.stringify(runtime)}], { stdio: "inherit" });
  process.on("SIGTERM", () => { ${leaderIgnoresTerm ? "" : "process.exit(0);"} });
  setInterval(() => {}, 1000);
`;

function start(script: string, lines: string[], onExit?: () => void, name = "runtime"): ManagedProcess {
  return startProcess({
    name,
    command: process.execPath,
    args: ["-e", script],
    cwd: process.cwd(),
    env: { PATH: process.env.PATH },
    log: (line) => lines.push(line),
    ...(onExit && { onExit }),
    stopGraceMs: 300,
  });
}

async function runtimePid(lines: string[]): Promise<number> {
  for (;;) {
    const match = /runtime (\d+)/.exec(lines.join("\n"));
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gone: no such process, or a zombie waiting for an init that may never reap it (empty cmdline). */
const gone = (pid: number) => commandLine(pid) === "";

describe("stopping a managed process", () => {
  it("kills a runtime that ignores SIGTERM after its leader has exited, and resolves only once it is gone", async () => {
    const lines: string[] = [];
    const managed = start(leaderOver(ignoresTerm, false), lines);
    const runtime = await runtimePid(lines);
    const pgid = managed.child.pid!;
    expect(liveMembers(pgid)).toEqual(expect.arrayContaining([pgid, runtime]));

    await managed.stop();
    expect(managed.child.exitCode ?? managed.child.signalCode).not.toBeNull();
    expect(gone(runtime)).toBe(true);
    expect(liveMembers(pgid)).toEqual([]);
    expect(lines.join("\n")).toContain("killing its process group");
  });

  it("kills a leader that ignores SIGTERM with everything under it", async () => {
    const lines: string[] = [];
    const managed = start(leaderOver(ignoresTerm, true), lines);
    const runtime = await runtimePid(lines);
    await managed.stop();
    expect(managed.child.signalCode).toBe("SIGKILL");
    expect(gone(runtime)).toBe(true);
    expect(liveMembers(managed.child.pid!)).toEqual([]);
  });

  it("gives every caller of stop the same wait, and reports no crash for a stop it asked for", async () => {
    const lines: string[] = [];
    let crashes = 0;
    const managed = start(leaderOver(ignoresTerm, false), lines, () => crashes++);
    const runtime = await runtimePid(lines);
    const first = managed.stop();
    expect(managed.stop()).toBe(first);
    await Promise.all([first, managed.stop()]);
    expect(gone(runtime)).toBe(true);
    expect(crashes).toBe(0);
  });

  it("stops what the leader left behind when the leader itself crashed first", async () => {
    const lines: string[] = [];
    let crashes = 0;
    const crashingLeader = `
      const { spawn } = require("node:child_process");
      spawn(process.execPath, ["-e", ${JSON.stringify(ignoresTerm)}], { stdio: "inherit" });
      setTimeout(() => process.exit(3), 200);
    `;
    const managed = start(crashingLeader, lines, () => crashes++);
    const runtime = await runtimePid(lines);
    await new Promise<void>((resolve) => managed.child.once("exit", () => resolve()));
    expect(crashes).toBe(1);
    expect(gone(runtime)).toBe(false);

    await managed.stop();
    expect(gone(runtime)).toBe(true);
    expect(liveMembers(managed.child.pid!)).toEqual([]);
  });
});

/** What `bun run dev` does while starting: runtimes launched, then a wait for their health. */
function startSequence(lines: string[], opts: { onCrash?: () => void; fail?: Error } = {}) {
  const closed: string[] = [];
  const steps: string[] = [];
  const launched: ManagedProcess[] = [];
  const sequence = async (scope: StartScope) => {
    scope.own({ name: "broker", close: async () => void closed.push("broker") });
    launched.push(scope.owned(start(leaderOver(ignoresTerm, false), lines, opts.onCrash, "realtime")));
    launched.push(scope.owned(start("setInterval(() => {}, 1000)", lines, opts.onCrash, "api")));
    await runtimePid(lines);
    steps.push("launched");
    if (opts.fail) throw opts.fail;
    // waitForHttp with isAlive: a stop asked for ends the wait.
    while (!scope.stopped()) await new Promise((resolve) => setTimeout(resolve, 20));
    scope.checkpoint();
    steps.push("healthy");
  };
  return { stack: stoppableStart(sequence), closed, steps, launched };
}

describe("a dev stack stopped or failing while it starts", () => {
  it("stop during start-up (Ctrl-C, a runtime crashing) resolves once the runtime that ignores SIGTERM is gone", async () => {
    const lines: string[] = [];
    const { stack, closed, steps } = startSequence(lines);
    const starting = stack.start();
    const outcome = starting.catch((error: unknown) => error);
    const runtime = await runtimePid(lines);
    await stack.stop();
    expect(gone(runtime)).toBe(true);
    expect(closed).toEqual(["broker"]);
    expect(await outcome).toBeInstanceOf(StackStoppedError);
    expect(steps).toEqual(["launched"]);
  });

  it("a failed start rejects only after every child is gone", async () => {
    const lines: string[] = [];
    const { stack, closed } = startSequence(lines, { fail: new Error("api did not become healthy") });
    await expect(stack.start()).rejects.toThrow("api did not become healthy");
    const runtime = await runtimePid(lines);
    expect(gone(runtime)).toBe(true);
    expect(closed).toEqual(["broker"]);
    // Stopping again afterwards (the CLI's shutdown) is harmless and closes nothing twice.
    await stack.stop();
    expect(closed).toEqual(["broker"]);
  });

  it("a runtime crashing during start-up stops the others, SIGTERM-proof ones included", async () => {
    const lines: string[] = [];
    let stopping: Promise<void> | undefined;
    const { stack, launched } = startSequence(lines, {
      onCrash: () => {
        stopping ??= stack.stop();
      },
    });
    const outcome = stack.start().catch((error: unknown) => error);
    const runtime = await runtimePid(lines);
    // The api dies on its own, as a crash would; the CLI's onCrash then stops the stack.
    process.kill(launched[1]!.child.pid!, "SIGKILL");
    expect(await outcome).toBeInstanceOf(StackStoppedError);
    expect(stopping).toBeDefined();
    await stopping;
    expect(gone(runtime)).toBe(true);
    for (const managed of launched) expect(liveMembers(managed.child.pid!)).toEqual([]);
  });
});
