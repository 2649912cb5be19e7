import * as z from "zod";
import { defineEvent } from "./define.ts";

export const listingChangeCauses = ["listing", "photos", "pricing", "calendar", "booking", "review"] as const;

export const listingEvents = {
  "listing.changed": defineEvent({
    version: 1,
    description:
      "Something a guest's search sees changed for these listings (details, status, photos, prices, calendar, " +
      "a booking or a review); the workers refresh them in the search index. Record it in the same " +
      "transaction as the change.",
    payload: z.object({
      listingIds: z.array(z.uuid()).min(1).max(500),
      cause: z.enum(listingChangeCauses),
      /**
       * false: guests could see the listing neither before nor after (a draft, or unlisted), so no
       * cached search page or public view holds it. Absent: it may be visible.
       */
      searchVisible: z.boolean().optional(),
    }),
  }),
} as const;
