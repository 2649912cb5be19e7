import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = fileURLToPath(new URL("../../..", import.meta.url));

export type DevRun = {
  child: ChildProcess;
  output(): string;
  exitCode(): number | null;
  /** Ctrl-C, then waits for the orchestrator to exit; resolves to its exit code. */
  interrupt(timeoutMs?: number): Promise<number | null>;
};

/** `bun run dev` from the repository root with exactly `env`, awaited until it reports healthy. */
export async function startDev(env: Record<string, string | undefined>): Promise<DevRun> {
  const child = spawn(process.env.BUN_BINARY ?? "bun", ["run", "dev"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exitCode: number | null = null;
  child.stdout?.on("data", (d) => {
    output += d.toString();
  });
  child.stderr?.on("data", (d) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const run: DevRun = {
    child,
    output: () => output,
    exitCode: () => exitCode,
    async interrupt(timeoutMs = 90_000) {
      if (exitCode === null) child.kill("SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, timeoutMs))]);
      return exitCode;
    },
  };
  const deadline = Date.now() + 280_000;
  while (!output.includes("all services healthy")) {
    if (exitCode !== null) throw new Error(`dev exited with ${exitCode}:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      child.kill("SIGINT");
      throw new Error(`dev did not come up:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return run;
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

/** Loads each of `urls` in Chromium (which makes next dev compile it); the HTTP status of each. */
export async function visitPages(urls: string[]): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    const statuses: number[] = [];
    for (const url of urls) statuses.push((await page.goto(url, { timeout: 120_000 }))?.status() ?? 0);
    return statuses;
  } finally {
    await browser.close();
  }
}

/**
 * Opens `url` in Chromium and watches it for `watchMs`: how many times the page navigated again
 * after it first loaded, and the reload requests Next's HMR socket sent it.
 */
export async function watchPage(
  url: string,
  watchMs: number,
): Promise<{ reloads: number; hmrReloads: string[] }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await browser.newPage();
    const hmrReloads: string[] = [];
    page.on("websocket", (ws) =>
      ws.on("framereceived", ({ payload }) => {
        if (String(payload).includes("reloadPage")) hmrReloads.push(String(payload));
      }),
    );
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    let reloads = 0;
    page.on("load", () => {
      reloads++;
    });
    await page.waitForTimeout(watchMs);
    return { reloads, hmrReloads };
  } finally {
    await browser.close();
  }
}
