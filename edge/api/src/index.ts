import { createApp } from "./app.ts";
import type { Bindings } from "./context.ts";
import { runScheduled } from "./scheduled.ts";

export type { AppRouter, RouterInputs, RouterOutputs } from "./router.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => runScheduled(controller, env, ctx),
} satisfies ExportedHandler<Bindings>;
