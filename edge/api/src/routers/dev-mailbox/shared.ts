import { AppError } from "@hometrip/contracts";
import { publicProcedure } from "../../trpc.ts";

/**
 * The local mailbox exists only where mail is fake: in production the procedures answer like
 * procedures that do not exist. Public there on purpose: it is the dev mailbox page's data.
 */
export const devOnlyProcedure = publicProcedure.use(({ ctx, next }) => {
  const appEnv = ctx.services.config.APP_ENV;
  if (appEnv !== "development" && appEnv !== "test") throw new AppError("NOT_FOUND", "No such procedure");
  return next();
});
