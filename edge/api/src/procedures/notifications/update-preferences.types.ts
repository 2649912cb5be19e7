import { zNotificationPreferencesUpdate } from "@hometrip/contracts";
import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { ZPreferencesResponseSchema } from "./shared.types.ts";

export const ZUpdatePreferencesRequestSchema = zNotificationPreferencesUpdate;
export const ZUpdatePreferencesResponseSchema = ZPreferencesResponseSchema;
export type TUpdatePreferencesRequest = z.input<typeof ZUpdatePreferencesRequestSchema>;
export type TUpdatePreferencesResponse = z.output<typeof ZUpdatePreferencesResponseSchema>;

export const updatePreferencesMeta = {
  summary: "Change notification switches, quiet hours, time zone or SMS number (only what is named)",
} satisfies TrpcMeta;
