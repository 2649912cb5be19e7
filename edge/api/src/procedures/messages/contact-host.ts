import { openInquiry } from "@hometrip/core";
import { inquiryPerUser } from "../../rate-limit/rules.ts";
import { authedProcedure, withRateLimit } from "../../trpc.ts";
import {
  contactHostMeta,
  ZContactHostRequestSchema,
  ZContactHostResponseSchema,
} from "./contact-host.types.ts";

/** The listing page's "Contact host": where the guest's thread with this host is, made if need be. */
export const contactHostProcedure = authedProcedure
  .meta(contactHostMeta)
  .use(withRateLimit(inquiryPerUser))
  .input(ZContactHostRequestSchema)
  .output(ZContactHostResponseSchema)
  .mutation(({ ctx, input }) =>
    openInquiry(ctx.services.db, { listingId: input.listingId, guestId: ctx.actor.userId }),
  );
