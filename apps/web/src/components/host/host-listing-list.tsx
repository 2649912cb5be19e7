import type { RouterOutputs } from "@hometrip/api";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { formatMoney } from "@/lib/money.ts";
import { incompleteSteps, listingSteps } from "./listing-steps.ts";

type Listing = RouterOutputs["listings"]["mine"][number];

const statusLabel = { draft: "Draft", published: "Published", unlisted: "Unlisted" } as const;

/** The host's listings as cards: cover, status, where and what it costs, and what is left to do. */
export function HostListingList({ listings }: { listings: Listing[] }) {
  if (listings.length === 0) {
    return (
      <Card
        title="No listings yet"
        description="Create your first listing: it stays a private draft until you publish it."
      >
        <ButtonLink href="/host/listings/new">Create listing</ButtonLink>
      </Card>
    );
  }
  return (
    <ul className="host-listings" aria-label="Listings">
      {listings.map((listing) => {
        const cover = [...listing.photos].sort((a, b) => a.position - b.position)[0];
        const todo = incompleteSteps(listing);
        const place = [listing.city, listing.country !== "ZZ" ? listing.country : ""]
          .filter(Boolean)
          .join(", ");
        return (
          <li key={listing.id} className="card host-listing">
            <div className="host-listing__cover">
              {cover ? (
                // biome-ignore lint/performance/noImgElement: photos are served by the API through the web origin, not next/image.
                <img src={cover.url} alt="" width={cover.width} height={cover.height} loading="lazy" />
              ) : (
                <span className="muted">No photos yet</span>
              )}
            </div>
            <div className="host-listing__body">
              <h2>
                <Link href={`/host/listings/${listing.id}`}>{listing.title}</Link>
              </h2>
              <p>
                <span className={listing.status === "published" ? "badge badge--success" : "badge"}>
                  {statusLabel[listing.status]}
                </span>{" "}
                <span className="muted">{place || "No address yet"}</span>
              </p>
              <p className="muted">
                {listing.nightlyPrice > 0
                  ? `${formatMoney(listing.nightlyPrice, listing.currency)} a night`
                  : "No price yet"}
                {" · "}
                {listing.photos.length} {listing.photos.length === 1 ? "photo" : "photos"}
              </p>
              {listing.status === "draft" && todo.length > 0 && (
                <p className="muted">
                  Still to do: {todo.map((id) => listingSteps.find((s) => s.id === id)?.label).join(", ")}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
