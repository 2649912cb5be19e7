import { loadAccount } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { ZAccountSchema } from "./shared.types.ts";

/** The caller's own account, private fields included. */
export const meProcedure = authedProcedure
  .meta({ scope: "profile:read" })
  .output(ZAccountSchema)
  .query(async ({ ctx }) => {
    const account = await loadAccount(ctx.services.db, ctx.actor.userId);
    return { ...account, memberSince: account.memberSince.toISOString() };
  });
