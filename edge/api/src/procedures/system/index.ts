import { router } from "../../trpc.ts";
import { healthProcedure } from "./health.ts";
import { pingProcedure } from "./ping.ts";
import { versionProcedure } from "./version.ts";

export const systemRouter = router({
  health: healthProcedure,
  version: versionProcedure,
  ping: pingProcedure,
});
