import * as z from "zod";

export const ZBeginEnrolmentResponseSchema = z.object({
  /** For the QR code; the only response that ever carries the secret. */
  otpauthUri: z.string().startsWith("otpauth://totp/"),
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  /** The otpauth URI as an SVG QR code, rendered here so the web app needs no QR library. */
  qrSvg: z.string().startsWith("<svg"),
});
