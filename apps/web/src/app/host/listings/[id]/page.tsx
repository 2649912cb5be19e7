import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListingEditor } from "@/components/host/listing-editor.tsx";
import { parseStep } from "@/components/host/listing-steps.ts";
import { apiErrorCode } from "@/lib/api-errors.ts";
import { webEnv } from "@/lib/env.ts";
import { serverApi } from "@/lib/session.ts";
import { loadPayoutsEnabled } from "../../load-payouts-enabled.ts";
import { requireHost } from "../../require-host.ts";

export const metadata: Metadata = { title: "Edit listing" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditListingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const user = await requireHost(`/host/listings/${id}${step ? `?step=${encodeURIComponent(step)}` : ""}`);
  if (!uuid.test(id)) notFound();
  let listing: Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["listings"]["get"]["query"]>>;
  try {
    listing = await (await serverApi()).listings.get.query({ id });
  } catch (error) {
    if (apiErrorCode(error) === "NOT_FOUND") notFound();
    throw error;
  }
  // listings.get shows published homes to anyone; the editor is for the listing's own host (or an admin).
  if (listing.hostId !== user.id && !user.roles.isAdmin) notFound();
  // Instant book waits for the host's payouts; an admin editing another host's listing cannot tell.
  const payoutsEnabled = listing.hostId === user.id ? await loadPayoutsEnabled() : null;
  return (
    <div className="page page--wide">
      <ListingEditor
        initialListing={listing}
        initialStep={parseStep(step)}
        mapTiles={webEnv().mapTiles}
        payoutsEnabled={payoutsEnabled}
      />
    </div>
  );
}
