import { zText } from "@hometrip/contracts";
import { passwordContextIssue } from "@hometrip/core";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";
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
export type TSignUpRequest = z.input<typeof ZSignUpRequestSchema>;
export type TSignUpResponse = z.output<typeof ZSignUpResponseSchema>;

export const signUpMeta = { summary: "Create an account" } satisfies TrpcMeta;
