import * as z from "zod";
import type { TrpcMeta } from "../../../trpc.ts";

export const ZBeginEnrolmentResponseSchema = z.object({
  /** For the QR code; the only response that ever carries the secret. */
  otpauthUri: z.string().startsWith("otpauth://totp/"),
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  /** The otpauth URI as an SVG QR code, rendered here so the web app needs no QR library. */
  qrSvg: z.string().startsWith("<svg"),
});
export type TBeginEnrolmentResponse = z.output<typeof ZBeginEnrolmentResponseSchema>;

export const beginEnrolmentMeta = { summary: "Start TOTP enrolment: secret and QR code" } satisfies TrpcMeta;
