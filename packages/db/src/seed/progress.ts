export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Milliseconds clock; injectable so tests can drive the throttling. */
  now?: () => number;
  /** Minimum gap between plain lines when the stream is not a terminal. */
  lineIntervalMs?: number;
  width?: number;
}

export interface Progress {
  update(done: number, total: number, stage: string): void;
  /** Ends the bar line (TTY) and prints a final message. */
  finish(message?: string): void;
}

export function renderBar(done: number, total: number, width: number): string {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%`;
}

/**
 * A redrawn bar on a terminal; plain lines otherwise (CI logs, pipes),
 * printed on each new stage, at completion, and at most every `lineIntervalMs` in between.
 */
export function createProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? (() => Date.now());
  const interval = opts.lineIntervalMs ?? 2000;
  const width = opts.width ?? 30;
  const tty = opts.stream.isTTY === true;
  let stage: string | undefined;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lineOpen = false;
  let lastDone = -1;

  const line = (done: number, total: number, name: string) =>
    `${name.padEnd(10)} ${renderBar(done, total, width)} ${done}/${total}`;

  return {
    update(done, total, name) {
      const t = now();
      const newStage = name !== stage;
      const complete = done >= total;
      if (!newStage && done === lastDone) return;
      if (tty) {
        if (!newStage && !complete && t - lastDraw < 80) return;
        if (newStage && lineOpen) opts.stream.write("\n");
        opts.stream.write(`\r${line(done, total, name)}`);
        lineOpen = true;
      } else {
        if (!newStage && !complete && t - lastDraw < interval) return;
        opts.stream.write(`${line(done, total, name)}\n`);
      }
      stage = name;
      lastDone = done;
      lastDraw = t;
    },
    finish(message) {
      if (tty && lineOpen) opts.stream.write("\n");
      lineOpen = false;
      if (message) opts.stream.write(`${message}\n`);
    },
  };
}
