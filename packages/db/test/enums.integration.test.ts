import {
  accountStatuses,
  bookingStatuses,
  cancellationPolicies,
  credentialKinds,
  emailTokenPurposes,
  listingStatuses,
  participantRoles,
  paymentStatuses,
  payoutStatuses,
  propertyTypes,
  refundStatuses,
  reviewKinds,
  userRoles,
} from "@hometrip/contracts/enums";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, createScratchDatabase, type ScratchDatabase } from "./support/scratch-database.ts";

/** Each database enum and the contracts array the schema builds it from. */
const enums = {
  account_status: accountStatuses,
  booking_status: bookingStatuses,
  cancellation_policy: cancellationPolicies,
  credential_kind: credentialKinds,
  email_token_purpose: emailTokenPurposes,
  listing_status: listingStatuses,
  participant_role: participantRoles,
  payment_status: paymentStatuses,
  payout_status: payoutStatuses,
  property_type: propertyTypes,
  refund_status: refundStatuses,
  review_kind: reviewKinds,
  user_role: userRoles,
};

let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase({ migrated: true });
});
afterAll(() => database?.drop());

describe("enums", () => {
  it("the migrated database holds exactly the values contracts defines, in order", async () => {
    const client = await connect(database.url);
    try {
      const { rows } = await client.query<{ name: string; labels: string[] }>(
        `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid
         join pg_namespace n on n.oid = t.typnamespace
         where n.nspname = 'public' group by t.typname order by t.typname`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.name, r.labels]))).toEqual(enums);
    } finally {
      await client.end();
    }
  });
});
