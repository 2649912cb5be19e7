import { ConfigError, parseScheduleDeployEnv } from "@hometrip/config";
import { Client } from "@upstash/qstash";
import { deployPlatformSchedules } from "../schedules.ts";

/**
 * `bun run deploy:schedules`: creates or updates the platform's QStash schedules (QSTASH_URL,
 * QSTASH_TOKEN, EVENTS_DESTINATION_URL). Idempotent; part of `bun run deploy`.
 */
try {
  const env = parseScheduleDeployEnv(process.env);
  const client = new Client({ baseUrl: env.QSTASH_URL, token: env.QSTASH_TOKEN });
  for (const schedule of await deployPlatformSchedules(client, env.EVENTS_DESTINATION_URL)) {
    process.stdout.write(`schedule ${schedule.scheduleId}: ${schedule.cron} → ${schedule.destination}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
