import { zText } from "@hometrip/contracts";
import { passwordContextIssue } from "@hometrip/core";
import * as z from "zod";
import { zEmail, zNewPassword } from "./shared.types.ts";

export const ZSignUpRequestSchema = z
  .object({
    email: zEmail,
    password: zNewPassword,
    displayName: zText({ min: 1, max: 80 }),
  })
  .superRefine((value, ctx) => {
    // The policy's context checks need the other fields; length and the common list ran already.
    const issue = passwordContextIssue(value.password, {
      email: value.email,
      displayName: value.displayName,
    });
    if (issue) {
      ctx.addIssue({ code: "custom", path: ["password"], message: issue });
    }
  });

export const ZSignUpResponseSchema = z.object({ userId: z.uuid() });
