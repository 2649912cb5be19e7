import { hostDashboardLink } from "@hometrip/core";
import { hostProcedure } from "../../trpc.ts";
import { dashboardLinkMeta, ZDashboardLinkResponseSchema } from "./dashboard-link.types.ts";

/** Refused with CONFLICT until the host has submitted Stripe's onboarding form. */
export const dashboardLinkProcedure = hostProcedure
  .meta(dashboardLinkMeta)
  .output(ZDashboardLinkResponseSchema)
  .mutation(async ({ ctx }) => {
    const { db, stripe } = ctx.services;
    return { url: await hostDashboardLink(db, stripe, ctx.actor.userId) };
  });
