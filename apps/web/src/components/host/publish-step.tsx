"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/alert.tsx";
import { Button, ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { apiErrorCode, errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { instantBookGate, PAYOUTS_PAGE } from "./instant-book-gate.ts";
import { publishIssuesOf } from "./listing-form.ts";
import { listingSteps, stepCompletion, stepForField } from "./listing-steps.ts";
import { StepLink } from "./step-nav.tsx";
import { type HostListing, useListingCache } from "./use-listing.ts";

const statusText = {
  draft: "Draft: only you can see this listing.",
  published: "Published: guests can find and book it.",
  unlisted: "Unlisted: hidden from guests until you publish it again.",
} as const;

/**
 * Publishing is the API's call: it checks completeness and names what is missing, and each named
 * item links to the step that fixes it. The button is never disabled for an incomplete listing,
 * so the answer always comes from the same check guests' search relies on. An instant-book listing
 * of a host without payouts cannot be published at all (the API refuses it): instead of a button
 * that can only fail, the step says why and offers the payouts page, or turning instant book off.
 */
export function PublishStep({
  listing,
  payoutsEnabled,
}: {
  listing: HostListing;
  payoutsEnabled: boolean | null;
}) {
  const trpc = useTRPC();
  const cache = useListingCache(listing.id);
  const publish = useMutation(trpc.listings.publish.mutationOptions({ onSuccess: cache.setListing }));
  const unlist = useMutation(trpc.listings.unlist.mutationOptions({ onSuccess: cache.setListing }));
  const refused = apiErrorCode(publish.error) === "BAD_REQUEST" ? publishIssuesOf(publish.error) : [];
  const done = stepCompletion(listing);
  const failure =
    publish.isError && refused.length === 0 ? publish.error : unlist.isError ? unlist.error : null;
  const blocked = instantBookGate(listing, payoutsEnabled) === "blocks-publish";
  // Payouts turned off since the page loaded: the API's refusal names the same fix.
  const needsPayouts = blocked || (apiErrorCode(publish.error) === "FORBIDDEN" && listing.instantBook);
  // With no Publish button to ask again, an earlier refusal's list would be stale: the checklist
  // above says what is still missing.
  const missing = blocked ? [] : refused;

  return (
    <Card
      title="Publish"
      description="When everything is in place, publish to let guests find and book your home."
    >
      <div className="stack">
        <p>
          <span className={listing.status === "published" ? "badge badge--success" : "badge"}>
            {listing.status}
          </span>{" "}
          <span data-testid="listing-status-text">{statusText[listing.status]}</span>
        </p>

        <ul className="host-checklist-summary" aria-label="Checklist">
          {listingSteps
            .filter((s) => s.id !== "publish")
            .map((s) => (
              <li key={s.id} className={done[s.id] ? "is-done" : "is-missing"}>
                <span aria-hidden="true">{done[s.id] ? "✓" : "•"}</span> <StepLink step={s.id} />{" "}
                <span className="muted">
                  {s.id === "calendar" ? "optional" : done[s.id] ? "complete" : "needs attention"}
                </span>
              </li>
            ))}
        </ul>

        {missing.length > 0 && (
          <Alert tone="error" title="Not published yet. Publishing needs:">
            <ul className="host-missing" aria-label="Missing for publishing">
              {missing.map((issue) => {
                const step = stepForField(issue.path);
                return (
                  <li key={issue.path}>
                    {issue.message}{" "}
                    <StepLink step={step}>Go to {listingSteps.find((s) => s.id === step)?.label}</StepLink>
                  </li>
                );
              })}
            </ul>
          </Alert>
        )}
        {needsPayouts && listing.status !== "published" ? (
          <Alert tone="warning" title="Set up payouts to publish with instant book">
            <p data-testid="publish-needs-payouts">
              Instant book confirms a guest's stay without you, so their payment must be able to reach you.
              Finish setting up payouts with Stripe on the <Link href={PAYOUTS_PAGE}>Payouts</Link> page, then
              publish; or turn instant book off in <StepLink step="pricing" /> and publish now, taking
              requests.
            </p>
          </Alert>
        ) : (
          failure && <Alert tone="error">{errorMessage(failure)}</Alert>
        )}
        {publish.isSuccess && listing.status === "published" && (
          <Alert tone="success" title="Your listing is live">
            Guests can now find it in search. <Link href={`/listings/${listing.id}`}>See it as a guest</Link>
          </Alert>
        )}
        {unlist.isSuccess && listing.status === "unlisted" && (
          <Alert tone="success">Unlisted. Guests no longer see it; publish again whenever you like.</Alert>
        )}

        <div className="row">
          {needsPayouts && listing.status !== "published" ? (
            <ButtonLink href={PAYOUTS_PAGE}>Set up payouts</ButtonLink>
          ) : listing.status !== "published" ? (
            <Button
              pending={publish.isPending}
              onClick={() => {
                unlist.reset();
                publish.mutate({ id: listing.id });
              }}
            >
              {listing.status === "unlisted" ? "Publish again" : "Publish listing"}
            </Button>
          ) : (
            <Button
              variant="secondary"
              pending={unlist.isPending}
              onClick={() => {
                publish.reset();
                unlist.mutate({ id: listing.id });
              }}
            >
              Unlist
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}
