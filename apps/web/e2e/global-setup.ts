import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createScratchDatabase } from "@hometrip/db/scratch";
import { freePorts } from "@hometrip/devstack";

/**
 * The host's window to answer a request, shortened so a spec can watch an unanswered request
 * expire; long enough that the specs which accept do so well inside it.
 */
export const E2E_REQUEST_RESPONSE_SECONDS = 45;
/**
 * How long a message e-mail waits for a live read, shortened so a spec can watch an away host's
 * mail arrive (the workers wake the delivery job when it falls due); long enough that a host
 * reading in the open thread does so well inside it.
 */
export const E2E_AWAY_DELAY_SECONDS = 20;
/** The stand-in's test-mode key (the devstack default), for specs that read what Stripe holds. */
const STRIPE_SECRET_KEY = "sk_test_hometrip_local_0000000000000000";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const root = join(webDir, "../..");
const services = [
  "API",
  "WEB",
  "REALTIME",
  "WORKERS",
  "NEON_TUNNEL",
  "REDIS_BRIDGE",
  "QSTASH",
  "PGLITE",
  "STRIPE",
] as const;

/**
 * The stack as a developer starts it (`bun run dev`), on free ports and a scratch database so it
 * runs beside a developer's own stack; its own Next build folder because `next dev` locks one.
 * Returns the teardown: Ctrl-C to the orchestrator, then the database is dropped.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Two e2e runs side by side (say, one per spec) each need their own folder: E2E_DIST_DIR.
  const distDir = process.env.E2E_DIST_DIR ?? ".next-e2e";
  // A stale dev cache has been seen to put the browser in a reload loop; compile from scratch.
  rmSync(join(webDir, distDir), { recursive: true, force: true });
  rmSync(join(webDir, "test-results/screenshots"), { recursive: true, force: true });
  const ports = await freePorts(services);
  const db = await createScratchDatabase({ prefix: "e2e", migrated: false });
  const dataDir = mkdtempSync(join(tmpdir(), "hometrip-e2e-"));
  const logPath = join(dataDir, "dev-stack.log");
  const log = createWriteStream(logPath);

  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOMETRIP_DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    NEXT_DIST_DIR: distDir,
    BOOKING_REQUEST_RESPONSE_SECONDS: String(E2E_REQUEST_RESPONSE_SECONDS),
    NOTIFY_AWAY_DELAY_SECONDS: String(E2E_AWAY_DELAY_SECONDS),
    STRIPE_SECRET_KEY,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [`${k}_PORT`, String(v)])),
  };
  const child: ChildProcess = spawn(process.env.BUN_BINARY ?? "bun", ["run", "dev"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exitCode: number | null = null;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code ?? 1;
      resolve();
    }),
  );

  const teardown = async () => {
    if (exitCode === null) {
      child.kill("SIGINT");
      // dev gives next dev up to a minute to write its Turbopack cache before it stops.
      const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    // Kept beside the screenshots: the first place to look when a step fails.
    mkdirSync(join(webDir, "test-results"), { recursive: true });
    copyFileSync(logPath, join(webDir, "test-results/dev-stack.log"));
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  };

  const deadline = Date.now() + 300_000;
  while (!output.includes("all services healthy")) {
    if (exitCode !== null || Date.now() > deadline) {
      await teardown();
      throw new Error(`bun run dev did not come up (exit ${exitCode}):\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.env.E2E_BASE_URL = `http://localhost:${ports.WEB}`;
  process.env.E2E_API_URL = `http://127.0.0.1:${ports.API}`;
  // The Stripe stand-in, for specs that look at what a payment left behind as Stripe sees it.
  process.env.E2E_STRIPE_URL = `http://127.0.0.1:${ports.STRIPE}`;
  process.env.E2E_STRIPE_SECRET_KEY = STRIPE_SECRET_KEY;
  return teardown;
}
