import type * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { ZPreferencesResponseSchema } from "./shared.types.ts";

export const ZGetPreferencesResponseSchema = ZPreferencesResponseSchema;
export type TGetPreferencesResponse = z.output<typeof ZGetPreferencesResponseSchema>;

export const getPreferencesMeta = {
  summary: "The member's notification switches per category and channel, quiet hours and SMS number",
} satisfies TrpcMeta;
