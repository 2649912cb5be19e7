import { fileURLToPath } from "node:url";
import { ConfigError, parseDevstackEnv } from "@hometrip/config";
import { createDevStack, StackStoppedError } from "../orchestrator/stack.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join("\n");
}

async function main() {
  // A closed terminal makes every write fail with EPIPE; that must not kill the orchestrator
  // before it has stopped its children (they run detached and would be left behind).
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  const env = parseDevstackEnv(process.env);
  const started = Date.now();
  let stopping: Promise<void> | undefined;
  // Created before it starts, so a signal or a crash during start-up stops what is already running
  // (children run detached: exiting without stopping them would leave them behind).
  const stack = createDevStack(env, {
    root,
    onCrash: () => void shutdown(1),
    webDistDir: process.env.NEXT_DIST_DIR,
  });
  const shutdown = (code: number) => {
    stopping ??= (async () => {
      process.stdout.write("\nstopping HomeTrip dev stack…\n");
      await stack.stop();
      process.stdout.write("stopped.\n");
      process.exit(code);
    })();
    return stopping;
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGHUP", () => void shutdown(0));
  // `bun run dev` is a wrapper process; if it dies without passing a signal on, stop with it
  // rather than leave the stack running with no terminal attached.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 1000).unref();

  let running: Awaited<ReturnType<typeof stack.start>>;
  try {
    running = await stack.start();
  } catch (err) {
    // Stopped while starting: the shutdown under way exits once every child is gone.
    if (err instanceof StackStoppedError) return;
    throw err;
  }
  const u = running.urls;
  process.stdout.write(
    `\nHomeTrip is up in ${((Date.now() - started) / 1000).toFixed(1)} s — all services healthy\n\n${table([
      ["Web app", u.web],
      ["API (tRPC at /trpc)", u.api],
      ["API health", `${u.api}/health`],
      ["Realtime (rooms)", u.realtime],
      ["Workers (events)", u.workers],
      [`Postgres (${running.postgresKind})`, u.postgres],
      ["Neon WS tunnel", u.neonTunnel],
      ["Neon HTTP SQL", u.neonHttp],
      [`Upstash REST (${running.redisKind} Redis)`, u.redisBridge],
      ["QStash broker", u.qstash],
      ["Stripe (stand-in)", u.stripe],
      ["Push and SMS stand-ins", `${u.channels}/__dev/sms`],
    ])}\n\nPress Ctrl-C to stop everything.\n\n`,
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else
    process.stderr.write(`dev failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
