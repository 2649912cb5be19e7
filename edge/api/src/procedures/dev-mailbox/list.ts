import { listDevEmails } from "@hometrip/core";
import { devOnlyProcedure } from "../../procedure-bases.ts";
import { listDevMailMeta, ZListDevMailRequestSchema, ZListDevMailResponseSchema } from "./list.types.ts";

/** The newest 50 mails, optionally only those to one address. */
export const listDevMailProcedure = devOnlyProcedure
  .meta(listDevMailMeta)
  .input(ZListDevMailRequestSchema)
  .output(ZListDevMailResponseSchema)
  .query(async ({ ctx, input }) => {
    const mails = await listDevEmails(ctx.services.db, { ...(input?.to && { to: input.to }), limit: 50 });
    return mails.map((mail) => ({ ...mail, createdAt: mail.createdAt.toISOString() }));
  });
