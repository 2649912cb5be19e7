import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZDashboardLinkResponseSchema = z.object({ url: z.url() });
export type TDashboardLinkResponse = z.output<typeof ZDashboardLinkResponseSchema>;

export const dashboardLinkMeta = {
  summary: "A sign-in link to the host's Stripe Express dashboard",
} satisfies TrpcMeta;
