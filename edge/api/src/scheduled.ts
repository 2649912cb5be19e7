import { relayOutbox } from "@hometrip/core";
import type { Bindings } from "./context.ts";
import { configOf } from "./middleware/config.ts";
import { createServices } from "./services/index.ts";
import { createLogger, errorFields } from "./services/logger.ts";

/** Cron sweep: publishes outbox rows whose after-commit relay did not run or failed. */
export async function runScheduled(
  controller: Pick<ScheduledController, "cron" | "scheduledTime">,
  bindings: Bindings,
  ctx: Pick<ExecutionContext, "waitUntil">,
): Promise<void> {
  const logger = createLogger({ cron: controller.cron, scheduledTime: controller.scheduledTime });
  const scope = createServices(configOf(bindings), logger);
  try {
    const { db, publisher } = scope.services;
    const result = await relayOutbox(db, publisher, { limit: 100, log: logger });
    logger.info("outbox sweep", { ...result });
  } catch (error) {
    logger.error("outbox sweep failed", errorFields(error));
    throw error;
  } finally {
    scope.dispose((task) => ctx.waitUntil(task));
  }
}
