import Link from "next/link";
import { DestinationGrid } from "@/components/home/destination-grid.tsx";
import { loadHomeShowcase } from "@/components/home/load-home.ts";
import { ResultCard } from "@/components/search/result-card.tsx";
import { SearchForm } from "@/components/search/search-form.tsx";
import { emptySearch, searchHref } from "@/components/search/search-url.ts";
import { ButtonLink } from "@/components/ui/button.tsx";
import { getSessionUser } from "@/lib/session.ts";
import "@/components/home/home.css";

export default async function HomePage() {
  const [user, showcase] = await Promise.all([getSessionUser().catch(() => null), loadHomeShowcase()]);
  const hosting = user?.roles.isHost ?? false;
  return (
    <div className="page page--home stack">
      <header className="home-hero">
        <h1>{user ? `Welcome back, ${user.displayName}` : "Homes for every trip"}</h1>
        <p>
          Stay in homes hosted by people who know the place.
          {!user && (
            <>
              {" "}
              New here? <Link href="/signup">Create an account</Link>
            </>
          )}
        </p>
        <SearchForm layout="hero" trip={{ place: null, checkIn: null, checkOut: null, guests: null }} />
      </header>

      {showcase.destinations.length > 0 && (
        <section className="home-section" aria-labelledby="destinations-heading">
          <h2 id="destinations-heading">Popular destinations</h2>
          <DestinationGrid destinations={showcase.destinations} />
        </section>
      )}

      {showcase.homes.length > 0 && (
        <section className="home-section" aria-labelledby="homes-heading">
          <div className="home-section__title">
            <h2 id="homes-heading">Homes guests love</h2>
            <Link href={searchHref({ ...emptySearch, sort: "rating" })}>See all homes</Link>
          </div>
          <ul className="home-row" aria-label="Top-rated homes">
            {showcase.homes.map((hit) => (
              <li key={hit.id}>
                <ResultCard hit={hit} href={`/listings/${hit.id}`} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="home-host" aria-labelledby="host-heading">
        <div>
          <h2 id="host-heading">{hosting ? "Your homes, your calendar" : "Become a host"}</h2>
          <p>
            {hosting
              ? "Update prices and dates, add photos, and answer guests from your listings."
              : "Share your home with travellers, set your own prices and dates, and earn from the nights it would sit empty."}
          </p>
        </div>
        <ButtonLink href={hosting ? "/host/listings" : user ? "/become-host" : "/signup"}>
          {hosting ? "Go to your listings" : "Start hosting"}
        </ButtonLink>
      </section>
    </div>
  );
}
