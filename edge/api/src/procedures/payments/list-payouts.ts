import { listHostPayouts } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { listPayoutsMeta, ZListPayoutsResponseSchema } from "./list-payouts.types.ts";

export const listPayoutsProcedure = hostProcedure
  .meta(listPayoutsMeta)
  .output(ZListPayoutsResponseSchema)
  .query(({ ctx }) => listHostPayouts(ctx.services.db, ctx.actor.userId));
