import * as z from "zod";

export const url = z.url({ message: "must be a URL" });
export const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: "must be a postgres:// or postgresql:// URL" });
export const port = z.coerce.number().int().min(1).max(65535);
/** Connections per pool; 1 against embedded PGlite, which serves a single client. */
export const poolMax = z.coerce.number().int().min(1).max(100);
/** A host's window to answer a request to book: 10 s (tests) to 7 days. */
export const requestResponseSeconds = z.coerce.number().int().min(10).max(604_800);
/**
 * How long a message e-mail (push, SMS) waits for the recipient to read it live: 5 s (tests) to
 * 1 h. Longer and "while you were away" turns into "some time later"; the digest window gathers
 * the rest of a burst anyway.
 */
export const awayDelaySeconds = z.coerce
  .number({ message: "must be a whole number of seconds" })
  .int({ message: "must be a whole number of seconds" })
  .min(5, { message: "must be at least 5 seconds" })
  .max(3_600, { message: "must be at most 3600 seconds (1 h)" });
export const appEnv = z.enum(["development", "test", "production"]);
/** `host:port/path` of the local Neon WebSocket tunnel; unset in production. */
export const wsProxy = z
  .string()
  .regex(/^[^\s/]+:\d+(\/.*)?$/, { message: "must look like 127.0.0.1:4444/v1" });
/** Neon's SQL-over-HTTP endpoint: `https://api.<region host>/sql` in production, the tunnel's `/sql` locally. */
export const sqlOverHttpEndpoint = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });
export const csv = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);
export const secret = (min = 16) => z.string().min(min, { message: `must be at least ${min} characters` });
