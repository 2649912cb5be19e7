import { ButtonLink } from "@/components/ui/button.tsx";

export default function ListingNotFound() {
  return (
    <div className="page page--narrow stack">
      <h1>This home is not available</h1>
      <p className="muted">
        The link may be wrong, or the host has taken the listing down. Other homes are waiting for you.
      </p>
      <div className="row">
        <ButtonLink href="/search">Search homes</ButtonLink>
        <ButtonLink href="/" variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </div>
  );
}
