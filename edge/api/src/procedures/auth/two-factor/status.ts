import { twoFactorStatus } from "@hometrip/core";
import { sessionProcedure } from "../../../trpc.ts";
import { twoFactorStatusMeta, ZTwoFactorStatusResponseSchema } from "./status.types.ts";

export const statusProcedure = sessionProcedure
  .meta(twoFactorStatusMeta)
  .output(ZTwoFactorStatusResponseSchema)
  .query(async ({ ctx }) => {
    const status = await twoFactorStatus(ctx.services.db, ctx.actor.userId);
    return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
  });
