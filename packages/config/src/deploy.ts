import type * as z from "zod";
import { postgresUrl, secret } from "./fields.ts";
import { parseConfig } from "./parse.ts";
import { zScheduleDeployEnv } from "./schedules.ts";

/**
 * Settings of `bun run deploy -- --env <env>`, read from the shell that deploys: the database the
 * migrations go to, wrangler's API token, and what `deploy:schedules` needs. The Workers' own
 * secrets are not here: they live in Cloudflare (`wrangler secret put`), and the deploy checks
 * they are set before uploading anything.
 */
export const zDeployEnv = zScheduleDeployEnv.extend({
  /** The environment's Neon database (the direct, unpooled URL: migrations take locks). */
  DATABASE_URL: postgresUrl,
  /** A Cloudflare API token with "Edit Workers" on the account; wrangler reads it itself. */
  CLOUDFLARE_API_TOKEN: secret(20),
});

export type DeployEnvSettings = z.output<typeof zDeployEnv>;

export function parseDeployEnv(source: Record<string, unknown>): DeployEnvSettings {
  return parseConfig("deploy", zDeployEnv, source);
}
