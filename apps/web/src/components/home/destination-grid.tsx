import Link from "next/link";
import { ListingPhoto } from "../listing/listing-photo.tsx";
import { emptySearch, searchHref } from "../search/search-url.ts";
import type { Destination } from "./load-home.ts";

const countryName = new Intl.DisplayNames(["en"], { type: "region" });

/** Featured places, each a link to its search with a photo from there and how many homes it has. */
export function DestinationGrid({ destinations }: { destinations: Destination[] }) {
  return (
    <ul className="destinations" aria-label="Destinations">
      {destinations.map((d) => (
        <li key={d.place}>
          <Link className="destination" href={searchHref({ ...emptySearch, place: d.place })}>
            <ListingPhoto className="destination__photo" src={d.photoUrl} alt="" loading="lazy" />
            <span className="destination__text">
              <strong>{d.place}</strong>
              <span>
                {countryName.of(d.country) ?? d.country} · {d.homes} home{d.homes === 1 ? "" : "s"}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
