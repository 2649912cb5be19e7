"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import type { MapTiles } from "../map/map-tiles.ts";
import { BasicsStep } from "./basics-step.tsx";
import { CalendarStep } from "./calendar-step.tsx";
import { DetailsStep } from "./details-step.tsx";
import { listingSteps, parseStep, type StepId, stepCompletion } from "./listing-steps.ts";
import { LocationStep } from "./location-step.tsx";
import { PhotosStep } from "./photos-step.tsx";
import { PricingStep } from "./pricing-step.tsx";
import { PublishStep } from "./publish-step.tsx";
import { StepLink, StepNavigationProvider } from "./step-nav.tsx";
import type { HostListing } from "./use-listing.ts";

/** `payoutsEnabled`: the host's, null when unknown (an admin editing another host's listing). */
type PanelProps = { listing: HostListing; mapTiles: MapTiles | null; payoutsEnabled: boolean | null };

const panels: Record<StepId, (props: PanelProps) => ReactNode> = {
  basics: BasicsStep,
  location: LocationStep,
  details: DetailsStep,
  photos: PhotosStep,
  pricing: PricingStep,
  calendar: CalendarStep,
  publish: PublishStep,
};

/**
 * The step-by-step editor. A step's panel stays mounted (hidden) once visited, so whatever the host
 * typed survives moving between steps as well as a failed save. The step lives in `?step=`, so a
 * link, a reload or the Back button lands on the same step.
 */
export function ListingEditor({
  initialListing,
  initialStep,
  mapTiles,
  payoutsEnabled,
}: {
  initialListing: HostListing;
  initialStep: StepId;
  mapTiles: MapTiles | null;
  payoutsEnabled: boolean | null;
}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.listings.get.queryOptions({ id: initialListing.id }),
    initialData: initialListing,
  });
  const listing = query.data;
  const [step, setStep] = useState<StepId>(initialStep);
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(() => new Set([initialStep]));
  const heading = useRef<HTMLHeadingElement>(null);

  const show = useCallback((next: StepId) => {
    setStep(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);

  const goTo = useCallback(
    (next: StepId) => {
      window.history.pushState(null, "", `?step=${next}`);
      show(next);
      // Focus moves to the new step, as a page load would, for keyboard and screen-reader users.
      requestAnimationFrame(() => heading.current?.focus());
    },
    [show],
  );

  useEffect(() => {
    const onPop = () => show(parseStep(new URLSearchParams(window.location.search).get("step")));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [show]);

  const done = stepCompletion(listing);
  const current = listingSteps.find((s) => s.id === step);

  return (
    <StepNavigationProvider value={goTo}>
      <div className="host-editor">
        <header className="host-editor__header">
          <p>
            <Link href="/host/listings">← Your listings</Link>
          </p>
          <h1 ref={heading} tabIndex={-1}>
            {listing.title}
          </h1>
          <p className="muted">
            <span
              className={listing.status === "published" ? "badge badge--success" : "badge"}
              data-testid="listing-status"
            >
              {listing.status}
            </span>{" "}
            Step {listingSteps.findIndex((s) => s.id === step) + 1} of {listingSteps.length}: {current?.label}
          </p>
          {query.isError && <Alert tone="warning">{errorMessage(query.error)}</Alert>}
        </header>
        <nav className="host-steps" aria-label="Listing steps">
          <ol>
            {listingSteps.map((s) => {
              const optional = s.id === "calendar";
              const state = optional ? "optional" : done[s.id] ? "complete" : "incomplete";
              return (
                <li key={s.id}>
                  <StepLink
                    step={s.id}
                    className={s.id === step ? "host-steps__link is-current" : "host-steps__link"}
                    aria-current={s.id === step ? "step" : undefined}
                    data-state={state}
                  >
                    <span className={`host-steps__mark is-${state}`} aria-hidden="true">
                      {state === "complete" ? "✓" : ""}
                    </span>
                    {s.label}
                    <span className="visually-hidden"> ({state})</span>
                  </StepLink>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="host-editor__panels">
          {listingSteps
            .filter((s) => visited.has(s.id))
            .map((s) => {
              const Panel = panels[s.id];
              return (
                <section key={s.id} hidden={s.id !== step} aria-label={s.label} data-step={s.id}>
                  <Panel listing={listing} mapTiles={mapTiles} payoutsEnabled={payoutsEnabled} />
                </section>
              );
            })}
        </div>
      </div>
    </StepNavigationProvider>
  );
}
