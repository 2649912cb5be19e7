import { zText } from "@hometrip/contracts";
import { passwordMaxLength, passwordMinLength, passwordPolicyIssue } from "@hometrip/core";
import * as z from "zod";

/** Trimmed and lower-cased before anything looks at it: one account per address, whatever the casing. */
export const zEmail = zText({ max: 254 })
  .toLowerCase()
  .pipe(z.email({ message: "must be an email address" }));

/** A password being chosen: length rules and the common-password list (see password-policy.ts). */
export const zNewPassword = zText({ max: 1024, trim: false })
  .meta({ minLength: passwordMinLength, maxLength: passwordMaxLength })
  .superRefine((password, ctx) => {
    const issue = passwordPolicyIssue(password);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });

/** A password being presented: any length we could have accepted, bounded so hashing stays cheap. */
export const zPresentedPassword = zText({ min: 1, max: 1024, trim: false });

/** Opaque tokens from links and cookies: bounded so a huge value is a 400, not work. */
export const zOpaqueToken = zText({ min: 1, max: 512, trim: false });

export const ZOkSchema = z.object({ ok: z.literal(true) });
