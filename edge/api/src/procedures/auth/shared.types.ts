import { passwordMaxLength, passwordMinLength, passwordPolicyIssue } from "@hometrip/core";
import * as z from "zod";

/** Trimmed and lower-cased before anything looks at it: one account per address, whatever the casing. */
export const zEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: "must be at most 254 characters" })
  .pipe(z.email({ message: "must be an email address" }));

/** A password being chosen: length rules and the common-password list (see password-policy.ts). */
export const zNewPassword = z
  .string()
  .meta({ minLength: passwordMinLength, maxLength: passwordMaxLength })
  .superRefine((password, ctx) => {
    const issue = passwordPolicyIssue(password);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

/** A password being presented: any length we could have accepted, bounded so hashing stays cheap. */
export const zPresentedPassword = z.string().min(1, { message: "is required" }).max(1024);

/** Opaque tokens from links and cookies: bounded so a huge value is a 400, not work. */
export const zOpaqueToken = z.string().min(1, { message: "is required" }).max(512);

export const ZOkSchema = z.object({ ok: z.literal(true) });
