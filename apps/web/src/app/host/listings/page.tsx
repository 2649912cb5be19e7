import type { Metadata } from "next";
import { HostListingList } from "@/components/host/host-listing-list.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { serverApi } from "@/lib/session.ts";
import { requireHost } from "../require-host.ts";

export const metadata: Metadata = { title: "Your listings" };

export default async function HostListingsPage() {
  await requireHost("/host/listings");
  const listings = await (await serverApi()).listings.mine.query();
  return (
    <div className="page stack">
      <header className="page-header host-page-header">
        <div>
          <h1>Your listings</h1>
          <p>Drafts, published homes and unlisted ones, newest first.</p>
        </div>
        <div className="payout-actions">
          <ButtonLink href="/host/payouts" variant="secondary">
            Payouts
          </ButtonLink>
          <ButtonLink href="/host/listings/new">Create listing</ButtonLink>
        </div>
      </header>
      <HostListingList listings={listings} />
    </div>
  );
}
