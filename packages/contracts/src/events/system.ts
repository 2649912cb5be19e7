import * as z from "zod";
import { defineEvent } from "./define.ts";

export const systemEvents = {
  "system.pinged": defineEvent({
    version: 1,
    description: "An operator pinged the platform to prove an event travels from the API to the workers.",
    payload: z.object({
      note: z.string().trim().min(1).max(500),
      requestedBy: z.string().min(1).max(200),
    }),
  }),
} as const;
