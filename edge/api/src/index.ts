import { createApp } from "./app.ts";
import type { Bindings } from "./context.ts";

export type { AppRouter, RouterInputs, RouterOutputs } from "./router.ts";

const app = createApp();

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Bindings>;
