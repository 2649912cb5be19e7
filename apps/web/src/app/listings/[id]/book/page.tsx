import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckoutView } from "@/components/booking/checkout-view.tsx";
import { parseSearchParams } from "@/components/search/search-url.ts";
import { Alert } from "@/components/ui/alert.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { webEnv } from "@/lib/env.ts";
import { requireUser } from "@/lib/session.ts";
import { loadListing } from "../load-listing.ts";
import "@/components/booking/booking.css";
import "@/components/listing/listing.css";

export const metadata: Metadata = { title: "Confirm and pay" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const trip = parseSearchParams(query);
  const here = `/listings/${id}/book?${new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
  )}`;
  await requireUser(here);
  const listing = await loadListing(id);
  if (!listing) notFound();
  // Stripe's API base and publishable key reach the browser from the server's settings (env.ts).
  const { stripe } = webEnv();

  return (
    <div className="page stack">
      <header className="page-header">
        <h1>{listing.instantBook ? "Confirm and pay" : "Request to book"}</h1>
      </header>
      {trip.checkIn && trip.checkOut ? (
        <CheckoutView
          stay={{ listingId: id, checkIn: trip.checkIn, checkOut: trip.checkOut, guests: trip.guests ?? 1 }}
          listing={{
            title: listing.title,
            capacity: listing.capacity,
            instantBook: listing.instantBook,
            cancellationPolicy: listing.cancellationPolicy,
          }}
          stripe={
            stripe.publishableKey ? { apiBase: stripe.apiBase, publishableKey: stripe.publishableKey } : null
          }
        />
      ) : (
        <Alert tone="info" title="Pick your dates first">
          <p>Choose check-in and check-out on the listing to book it.</p>
          <ButtonLink href={`/listings/${id}`} variant="secondary" size="small">
            Back to the listing
          </ButtonLink>
        </Alert>
      )}
    </div>
  );
}
