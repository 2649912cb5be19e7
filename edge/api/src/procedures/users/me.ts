import { loadAccount } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { meMeta, ZMeResponseSchema } from "./me.types.ts";

/** The caller's own account, private fields included. */
export const meProcedure = authedProcedure
  .meta(meMeta)
  .output(ZMeResponseSchema)
  .query(async ({ ctx }) => {
    const account = await loadAccount(ctx.services.db, ctx.actor.userId);
    return { ...account, memberSince: account.memberSince.toISOString() };
  });
