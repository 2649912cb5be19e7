import { AppError } from "@hometrip/contracts";
import { getDevEmail } from "@hometrip/core";
import { devOnlyProcedure } from "../../procedure-bases.ts";
import { getDevMailMeta, ZGetDevMailRequestSchema, ZGetDevMailResponseSchema } from "./get.types.ts";

export const getDevMailProcedure = devOnlyProcedure
  .meta(getDevMailMeta)
  .input(ZGetDevMailRequestSchema)
  .output(ZGetDevMailResponseSchema)
  .query(async ({ ctx, input }) => {
    const mail = await getDevEmail(ctx.services.db, input.id);
    if (!mail) throw new AppError("NOT_FOUND", "No such mail");
    return {
      id: mail.id,
      to: mail.to,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      createdAt: mail.createdAt.toISOString(),
    };
  });
