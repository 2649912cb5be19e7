import type { ManagedProcess } from "./process.ts";

export type Closer = { name: string; close(): Promise<void> };

/** Thrown by `start` when `stop` was called while it ran. */
export class StackStoppedError extends Error {
  constructor() {
    super("the dev stack was stopped while it was starting");
  }
}

/** What a start sequence registers what it starts with, and asks whether to go on. */
export type StartScope = {
  stopped(): boolean;
  /** Throws StackStoppedError once a stop was asked for: the start goes no further. */
  checkpoint(): void;
  /** Registers what a step started, for stop to close; then ends the start if a stop was asked for. */
  own(closer: Closer): void;
  /** Registers a child process, for stop to stop (its whole group, SIGKILL after the grace). */
  owned(process: ManagedProcess): ManagedProcess;
};

/**
 * Runs a start sequence that can be stopped at any moment. `stop` during `start` (Ctrl-C, a
 * runtime crashing while the others still come up) lets the step in flight finish, then stops every
 * process (all groups at once, each awaited until none of its members is left) and closes every
 * closer in reverse order; `start` rejects with StackStoppedError. A start that fails stops
 * everything the same way before its error surfaces, so no failure leaves a process behind.
 */
export function stoppableStart<T>(run: (scope: StartScope, stop: () => Promise<void>) => Promise<T>): {
  start(): Promise<T>;
  stop(): Promise<void>;
} {
  const closers: Closer[] = [];
  const processes: ManagedProcess[] = [];
  let stopRequested = false;
  let starting: Promise<unknown> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  let stoppingAll: Promise<void> | undefined;
  const stopAll = () => {
    stopRequested = true;
    stoppingAll ??= (async () => {
      await Promise.allSettled([...processes].reverse().map((p) => p.stop()));
      for (const c of [...closers].reverse()) await c.close().catch(() => {});
    })();
    return stoppingAll;
  };
  const stop = () => {
    stopRequested = true;
    stopping ??= starting.catch(() => {}).then(stopAll);
    return stopping;
  };
  const scope: StartScope = {
    stopped: () => stopRequested,
    checkpoint() {
      if (stopRequested) throw new StackStoppedError();
    },
    own(closer) {
      closers.push(closer);
      scope.checkpoint();
    },
    owned(process) {
      processes.push(process);
      return process;
    },
  };
  return {
    start() {
      starting = run(scope, stop).catch(async (err) => {
        await stopAll();
        throw err;
      });
      return starting as Promise<T>;
    },
    stop,
  };
}
