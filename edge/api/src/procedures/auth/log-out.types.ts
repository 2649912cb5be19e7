import { zText } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

/** Clients holding tokens in the body may pass the refresh token, so logout works after the access token expired. */
export const ZLogOutRequestSchema = z
  .object({ refreshToken: zText({ min: 1, max: 512, trim: false }).optional() })
  .optional();

export const ZLogOutResponseSchema = z.object({ ok: z.literal(true) });
export type TLogOutRequest = z.input<typeof ZLogOutRequestSchema>;
export type TLogOutResponse = z.output<typeof ZLogOutResponseSchema>;

export const logOutMeta = { summary: "End this session" } satisfies TrpcMeta;
