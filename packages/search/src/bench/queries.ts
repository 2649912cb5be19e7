import type { SearchQueryInput } from "@hometrip/contracts";
import { addDays, todayIn } from "@hometrip/contracts/dates";

function day(offset: number): string {
  return addDays(todayIn("UTC", new Date()), offset);
}

const around = (lat: number, lng: number, dLat: number, dLng: number) => ({
  north: lat + dLat,
  south: lat - dLat,
  east: lng + dLng,
  west: lng - dLng,
});

/**
 * What guests type on the search page, over the seed's cities (prices in each city's minor units,
 * totals for the stay because dates are given): text (two misspelt), dates, guests, price, a map
 * viewport and amenities, with every sort order represented.
 */
export const benchQueries: { name: string; query: SearchQueryInput }[] = [
  {
    name: "lisbon alfama 3n",
    query: {
      text: "lisbon",
      bounds: around(38.7115, -9.1305, 0.03, 0.04),
      checkIn: day(30),
      checkOut: day(33),
      guests: 2,
      priceMax: 60_000,
      amenities: ["wifi"],
    },
  },
  {
    name: "barcelna (typo) city 5n",
    query: {
      text: "barcelna",
      bounds: around(41.39, 2.17, 0.04, 0.05),
      checkIn: day(45),
      checkOut: day(50),
      guests: 4,
      priceMin: 50_000,
      priceMax: 200_000,
      amenities: ["wifi", "kitchen"],
    },
  },
  {
    name: "kyoto gion 2n",
    query: {
      text: "gion",
      bounds: around(35.005, 135.74, 0.05, 0.08),
      checkIn: day(14),
      checkOut: day(16),
      guests: 2,
      priceMax: 100_000,
      amenities: ["air_conditioning"],
    },
  },
  {
    name: "paris marais 7n price",
    query: {
      text: "paris",
      bounds: around(48.859, 2.362, 0.02, 0.03),
      checkIn: day(60),
      checkOut: day(67),
      guests: 3,
      priceMax: 250_000,
      amenities: ["wifi", "washer"],
      sort: "price_asc",
    },
  },
  {
    name: "new york 3n rating",
    query: {
      text: "new york",
      bounds: around(40.72, -73.97, 0.04, 0.05),
      checkIn: day(20),
      checkOut: day(23),
      guests: 2,
      priceMax: 200_000,
      amenities: ["wifi"],
      sort: "rating",
    },
  },
  {
    name: "cape town 7n pool",
    query: {
      text: "cape town",
      bounds: around(-33.93, 18.41, 0.05, 0.06),
      checkIn: day(90),
      checkOut: day(97),
      guests: 6,
      priceMax: 5_000_000,
      amenities: ["pool"],
    },
  },
  {
    name: "mexico roma 2n",
    query: {
      text: "mexico",
      bounds: around(19.414, -99.167, 0.02, 0.03),
      checkIn: day(10),
      checkOut: day(12),
      guests: 2,
      priceMin: 100_000,
      amenities: ["wifi", "kitchen", "washer"],
    },
  },
  {
    name: "vancover (typo) 4n dist",
    query: {
      text: "vancover",
      bounds: around(49.275, -123.13, 0.03, 0.05),
      checkIn: day(40),
      checkOut: day(44),
      guests: 2,
      priceMax: 200_000,
      amenities: ["heating"],
      sort: "distance",
    },
  },
];
