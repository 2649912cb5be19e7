import * as z from "zod";
import { ZAccountSchema, zBio, zDisplayName, zLanguages, zPhone } from "./shared.types.ts";

/** Every field optional: what is left out stays as it is. */
export const ZUpdateProfileRequestSchema = z.object({
  displayName: zDisplayName.optional(),
  bio: zBio.optional(),
  languages: zLanguages.optional(),
  phone: zPhone.optional(),
});

export const ZUpdateProfileResponseSchema = ZAccountSchema;
