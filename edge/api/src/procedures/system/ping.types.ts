import * as z from "zod";

export const ZPingRequestSchema = z.object({
  note: z.string().trim().min(1, { message: "must not be empty" }).max(280),
});

export const ZPingResponseSchema = z.object({ eventId: z.uuid() });
