import * as z from "zod";
import { appEnv, secret } from "./fields.ts";
import { parseConfig } from "./parse.ts";

/** Settings of the `edge/realtime` Worker (the rooms), parsed from its bindings. */
export const zRealtimeEnv = z.object({
  APP_ENV: appEnv.default("production"),
  /** Verifies room tokens; the same value as edge/api's ROOM_TOKEN_SECRET, which signs them. */
  ROOM_TOKEN_SECRET: secret(32),
  /** Bearer token of `POST /internal/deliver` (the Bun workers' way into a room). */
  REALTIME_INTERNAL_TOKEN: secret(16),
  /** A connection silent for longer (no heartbeat) is dropped from presence and closed. */
  PRESENCE_TIMEOUT_MS: z.coerce.number().int().min(200).max(300_000).default(25_000),
});
export type RealtimeEnv = z.output<typeof zRealtimeEnv>;

export function parseRealtimeEnv(bindings: Record<string, unknown>): RealtimeEnv {
  return parseConfig("edge/realtime", zRealtimeEnv, bindings);
}
