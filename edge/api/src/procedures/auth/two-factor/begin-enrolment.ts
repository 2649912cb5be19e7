import { beginTotpEnrolment } from "@hometrip/core";
import { renderSVG } from "uqr";
import { twoFactorKeysOf } from "../../../auth/two-factor-keys.ts";
import { sessionProcedure } from "../../../trpc.ts";
import { beginEnrolmentMeta, ZBeginEnrolmentResponseSchema } from "./begin-enrolment.types.ts";

/** Starts (or restarts) enrolment: a new secret, shown once as URI, text and QR code. */
export const beginEnrolmentProcedure = sessionProcedure
  .meta(beginEnrolmentMeta)
  .output(ZBeginEnrolmentResponseSchema)
  .mutation(async ({ ctx }) => {
    const enrolment = await beginTotpEnrolment(ctx.services.db, await twoFactorKeysOf(ctx.services), {
      userId: ctx.actor.userId,
      now: ctx.services.clock.now(),
    });
    // ECC M survives a slightly blurry phone camera; the URI is short enough to stay a small code.
    const qrSvg = renderSVG(enrolment.otpauthUri, { ecc: "M", border: 2, pixelSize: 6 });
    return { ...enrolment, qrSvg };
  });
