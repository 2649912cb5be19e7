import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
import { ZAccountSchema, zBio, zDisplayName, zLanguages, zPhone } from "./shared.types.ts";

/** Every field optional: what is left out stays as it is. */
export const ZUpdateProfileRequestSchema = z.object({
  displayName: zDisplayName.optional(),
  bio: zBio.optional(),
  languages: zLanguages.optional(),
  phone: zPhone.optional(),
});

export const ZUpdateProfileResponseSchema = ZAccountSchema;
export type TUpdateProfileRequest = z.input<typeof ZUpdateProfileRequestSchema>;
export type TUpdateProfileResponse = z.output<typeof ZUpdateProfileResponseSchema>;

export const updateProfileMeta = {
  summary: "Change the caller's profile",
  scope: "profile:write",
} satisfies TrpcMeta;
