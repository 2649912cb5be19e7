import { zText } from "@hometrip/contracts";
import * as z from "zod";

export const ZPingRequestSchema = z.object({
  note: zText({ min: 1, max: 280 }),
});

export const ZPingResponseSchema = z.object({ eventId: z.uuid() });
