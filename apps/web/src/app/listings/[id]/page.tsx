import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AvailabilityCalendar } from "@/components/listing/availability-calendar.tsx";
import { ListingFacts, ListingHeadline } from "@/components/listing/listing-facts.tsx";
import { PhotoGallery } from "@/components/listing/photo-gallery.tsx";
import { QuotePanel } from "@/components/listing/quote-panel.tsx";
import { StayPlanner } from "@/components/listing/stay-planner.tsx";
import { parseSearchParams } from "@/components/search/search-url.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { getSessionUser } from "@/lib/session.ts";
import { loadListing } from "./load-listing.ts";
import "@/components/listing/listing.css";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await loadListing((await params).id);
  return { title: listing ? `${listing.title} · ${listing.city}` : "Home not found" };
}

export default async function ListingPage({ params, searchParams }: Props) {
  const [listing, viewer] = await Promise.all([loadListing((await params).id), getSessionUser()]);
  if (!listing) notFound();
  // Dates and guests come over from the search (the same parameter names as /search).
  const trip = parseSearchParams(await searchParams);
  const photos = [...listing.photos].sort((a, b) => a.position - b.position);

  return (
    <div className="listing-page">
      {listing.status !== "published" && (
        <Alert tone="info" title="Preview">
          This listing is {listing.status === "draft" ? "a draft" : "unlisted"}: only you can see it.
        </Alert>
      )}
      <header className="listing-page__header">
        <h1>{listing.title}</h1>
        <ListingHeadline listing={listing} />
      </header>
      <PhotoGallery photos={photos} title={listing.title} />
      <StayPlanner
        listingId={listing.id}
        capacity={listing.capacity}
        initial={{ checkIn: trip.checkIn, checkOut: trip.checkOut, guests: trip.guests }}
      >
        <div className="listing-page__body">
          <div className="listing-page__details">
            <ListingFacts listing={listing} viewerId={viewer?.id ?? null} />
            <section aria-labelledby="availability-heading" className="listing-section">
              <h2 id="availability-heading">Availability</h2>
              <AvailabilityCalendar />
            </section>
          </div>
          <div className="listing-page__aside">
            <QuotePanel
              nightlyPrice={listing.nightlyPrice}
              currency={listing.currency}
              instantBook={listing.instantBook}
              signedIn={viewer !== null}
            />
          </div>
        </div>
      </StayPlanner>
    </div>
  );
}
