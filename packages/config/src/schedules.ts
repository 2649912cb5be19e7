import * as z from "zod";
import { secret, url } from "./fields.ts";
import { parseConfig } from "./parse.ts";

/** Settings of `bun run deploy:schedules`, which creates or updates the production QStash schedules. */
export const zScheduleDeployEnv = z.object({
  QSTASH_URL: url,
  QSTASH_TOKEN: secret(8),
  /** Public base URL of `workers/`, where the schedules deliver. */
  EVENTS_DESTINATION_URL: url,
});

export type ScheduleDeployEnv = z.output<typeof zScheduleDeployEnv>;

export function parseScheduleDeployEnv(source: Record<string, unknown>): ScheduleDeployEnv {
  return parseConfig("deploy:schedules", zScheduleDeployEnv, source);
}

/** Settings of `bun run qstash:dlq`: where QStash is and the token that may read its DLQ. */
export const zQStashAdminEnv = z.object({ QSTASH_URL: url, QSTASH_TOKEN: secret(8) });

export function parseQStashAdminEnv(source: Record<string, unknown>): z.output<typeof zQStashAdminEnv> {
  return parseConfig("qstash:dlq", zQStashAdminEnv, source);
}
