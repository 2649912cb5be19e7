import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type RoomAddress, roomParty, type TRoomEvent } from "@hometrip/contracts";
import { Miniflare } from "miniflare";

const realtimeDir = fileURLToPath(new URL("../../../edge/realtime/", import.meta.url));

export const roomTokenSecret = "test-room-token-secret-0123456789abcdef";
export const internalToken = "test-realtime-internal-token";

export interface RealtimeWorker {
  url: string;
  /** Joins a room as a browser would (token in the query) and records what the room sends. */
  join(room: RoomAddress, token: string): Promise<RoomClient>;
  close(): Promise<void>;
}

export interface RoomClient {
  events: TRoomEvent[];
  /** Resolves once `count` events of `type` have arrived (already or to come). */
  waitFor<T extends TRoomEvent["type"]>(type: T, count?: number): Promise<Extract<TRoomEvent, { type: T }>[]>;
  close(): void;
}

/**
 * The realtime Worker (edge/realtime) as `wrangler deploy` would build it, run by workerd through
 * Miniflare with its rooms: the other end of the workers' `httpRoomDelivery`.
 */
export async function startRealtimeWorker(): Promise<RealtimeWorker> {
  const dir = await mkdtemp(join(tmpdir(), "hometrip-realtime-worker-"));
  const outDir = join(dir, "bundle");
  await promisify(execFile)(
    join(realtimeDir, "node_modules/.bin/wrangler"),
    ["deploy", "--dry-run", "--config", "wrangler.toml", "--outdir", outDir],
    { cwd: realtimeDir, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const scriptPath = join(outDir, "index.js");
  const miniflare = new Miniflare({
    name: "hometrip-realtime",
    compatibilityDate: "2026-04-26",
    compatibilityFlags: ["nodejs_compat"],
    modulesRoot: outDir,
    modules: [{ type: "ESModule", path: scriptPath, contents: await readFile(scriptPath, "utf8") }],
    durableObjects: {
      ConversationRoom: { className: "ConversationRoom", useSQLite: true },
      UserRoom: { className: "UserRoom", useSQLite: true },
    },
    bindings: { APP_ENV: "test", ROOM_TOKEN_SECRET: roomTokenSecret, REALTIME_INTERNAL_TOKEN: internalToken },
    host: "127.0.0.1",
    port: 0,
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume();
      stderr.resume();
    },
  });
  const url = (await miniflare.ready).origin;
  return {
    url,
    async join(room, token) {
      const [kind, id] = room.split(":") as ["conversation" | "user", string];
      const response = await miniflare.dispatchFetch(
        `${url}/parties/${roomParty[kind]}/${id}?token=${encodeURIComponent(token)}`,
        { headers: { Upgrade: "websocket" } },
      );
      const ws = response.webSocket;
      if (!ws) throw new Error(`no WebSocket: HTTP ${response.status} ${await response.text()}`);
      const events: TRoomEvent[] = [];
      const waiters: (() => void)[] = [];
      ws.addEventListener("message", (message) => {
        events.push(JSON.parse(String(message.data)));
        for (const wake of waiters.splice(0)) wake();
      });
      ws.accept();
      return {
        events,
        async waitFor(type, count = 1) {
          for (;;) {
            const found = events.filter((e) => e.type === type);
            if (found.length >= count) return found as never;
            await new Promise<void>((resolve) => waiters.push(resolve));
          }
        },
        close: () => ws.close(1000, "done"),
      };
    },
    async close() {
      await miniflare.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
