import { zText } from "@hometrip/contracts";
import * as z from "zod";

/** Clients holding tokens in the body may pass the refresh token, so logout works after the access token expired. */
export const ZLogOutRequestSchema = z
  .object({ refreshToken: zText({ min: 1, max: 512, trim: false }).optional() })
  .optional();

export const ZLogOutResponseSchema = z.object({ ok: z.literal(true) });
