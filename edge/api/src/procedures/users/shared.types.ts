import { zText } from "@hometrip/contracts";
import * as z from "zod";
import { iso6391Codes } from "../../users/iso-639-1.ts";

/** The signed-in member's own account, as users.me and users.updateProfile return it. */
export const ZAccountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  bio: z.string(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  /** `/avatars/<key>` for an uploaded picture (served by this API), or a provider's absolute URL. */
  avatarUrl: z.string().nullable(),
  roles: z.object({ isHost: z.boolean(), isAdmin: z.boolean() }),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  memberSince: z.iso.datetime(),
});

export const zDisplayName = zText({ min: 1, max: 80 });

export const zBio = zText({ max: 1000, multiline: true });

/** Lower-cased and de-duplicated, in the order given. */
export const zLanguages = z
  .array(
    zText({ max: 2 })
      .toLowerCase()
      .refine((code) => iso6391Codes.has(code), { message: "must be an ISO 639-1 language code" }),
  )
  .max(10, { message: "at most 10 languages" })
  .transform((codes) => [...new Set(codes)]);

/**
 * E.164: "+", country code, subscriber number, at most 15 digits. Spaces, dots, dashes and
 * brackets people type are dropped first; null clears the number.
 */
export const zPhone = zText({ max: 40 })
  .transform((value) => value.replace(/[\s.()-]/g, ""))
  .pipe(
    z.string().regex(/^\+[1-9]\d{6,14}$/, { message: "must be an international number like +4930123456" }),
  )
  .nullable();
