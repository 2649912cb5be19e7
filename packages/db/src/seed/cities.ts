/** Real cities with real neighbourhood centres; listings scatter within ~1 km of one. */
export interface SeedCity {
  name: string;
  region: string;
  country: string;
  timezone: string;
  currency: string;
  /** Typical nightly price range in minor units of `currency`. */
  nightly: [number, number];
  /** Tourist/VAT tax on the stay, in basis points. */
  taxBps: number;
  postalPrefix: string;
  neighbourhoods: { name: string; lat: number; lng: number }[];
  streets: string[];
}

export const seedCities: SeedCity[] = [
  {
    name: "Lisbon",
    region: "Lisboa",
    country: "PT",
    timezone: "Europe/Lisbon",
    currency: "EUR",
    nightly: [6_500, 28_000],
    taxBps: 600,
    postalPrefix: "1100-",
    neighbourhoods: [
      { name: "Alfama", lat: 38.7115, lng: -9.1305 },
      { name: "Bairro Alto", lat: 38.7125, lng: -9.1445 },
      { name: "Príncipe Real", lat: 38.717, lng: -9.149 },
      { name: "Belém", lat: 38.697, lng: -9.206 },
    ],
    streets: ["Rua da Saudade", "Rua do Norte", "Rua da Rosa", "Calçada do Combro", "Rua de São Bento"],
  },
  {
    name: "Barcelona",
    region: "Catalonia",
    country: "ES",
    timezone: "Europe/Madrid",
    currency: "EUR",
    nightly: [8_000, 35_000],
    taxBps: 1000,
    postalPrefix: "080",
    neighbourhoods: [
      { name: "Gràcia", lat: 41.4036, lng: 2.1567 },
      { name: "El Born", lat: 41.385, lng: 2.182 },
      { name: "Eixample", lat: 41.3917, lng: 2.1649 },
      { name: "Barceloneta", lat: 41.38, lng: 2.189 },
    ],
    streets: ["Carrer de Verdi", "Carrer de la Princesa", "Carrer d'Aragó", "Passeig de Joan de Borbó"],
  },
  {
    name: "Kyoto",
    region: "Kyoto Prefecture",
    country: "JP",
    timezone: "Asia/Tokyo",
    currency: "JPY",
    nightly: [9_000, 60_000],
    taxBps: 1000,
    postalPrefix: "605-",
    neighbourhoods: [
      { name: "Gion", lat: 35.0037, lng: 135.7788 },
      { name: "Higashiyama", lat: 34.9949, lng: 135.785 },
      { name: "Arashiyama", lat: 35.0094, lng: 135.6668 },
      { name: "Nakagyō", lat: 35.0108, lng: 135.76 },
    ],
    streets: ["Hanamikoji-dori", "Shijo-dori", "Sanjo-dori", "Kawaramachi-dori", "Gojo-dori"],
  },
  {
    name: "Cape Town",
    region: "Western Cape",
    country: "ZA",
    timezone: "Africa/Johannesburg",
    currency: "ZAR",
    nightly: [90_000, 450_000],
    taxBps: 1500,
    postalPrefix: "80",
    neighbourhoods: [
      { name: "Gardens", lat: -33.934, lng: 18.412 },
      { name: "Sea Point", lat: -33.915, lng: 18.387 },
      { name: "Camps Bay", lat: -33.951, lng: 18.378 },
      { name: "Woodstock", lat: -33.927, lng: 18.446 },
    ],
    streets: ["Kloof Street", "Regent Road", "Victoria Road", "Albert Road", "Bree Street"],
  },
  {
    name: "Mexico City",
    region: "CDMX",
    country: "MX",
    timezone: "America/Mexico_City",
    currency: "MXN",
    nightly: [90_000, 400_000],
    taxBps: 1900,
    postalPrefix: "06",
    neighbourhoods: [
      { name: "Roma Norte", lat: 19.417, lng: -99.161 },
      { name: "Condesa", lat: 19.411, lng: -99.173 },
      { name: "Coyoacán", lat: 19.35, lng: -99.162 },
      { name: "Polanco", lat: 19.433, lng: -99.195 },
    ],
    streets: ["Calle Colima", "Avenida Ámsterdam", "Calle Francisco Sosa", "Calle Masaryk", "Calle Orizaba"],
  },
  {
    name: "Vancouver",
    region: "British Columbia",
    country: "CA",
    timezone: "America/Vancouver",
    currency: "CAD",
    nightly: [12_000, 45_000],
    taxBps: 1600,
    postalPrefix: "V6",
    neighbourhoods: [
      { name: "Kitsilano", lat: 49.268, lng: -123.165 },
      { name: "Gastown", lat: 49.284, lng: -123.108 },
      { name: "Mount Pleasant", lat: 49.263, lng: -123.1 },
      { name: "West End", lat: 49.285, lng: -123.135 },
    ],
    streets: ["West 4th Avenue", "Water Street", "Main Street", "Denman Street", "Davie Street"],
  },
  {
    name: "New York",
    region: "NY",
    country: "US",
    timezone: "America/New_York",
    currency: "USD",
    nightly: [14_000, 60_000],
    taxBps: 1475,
    postalPrefix: "1",
    neighbourhoods: [
      { name: "Williamsburg", lat: 40.7081, lng: -73.9571 },
      { name: "East Village", lat: 40.7265, lng: -73.9815 },
      { name: "Harlem", lat: 40.8116, lng: -73.9465 },
      { name: "Park Slope", lat: 40.671, lng: -73.9814 },
    ],
    streets: ["Bedford Avenue", "St Marks Place", "Lenox Avenue", "7th Avenue", "Berry Street"],
  },
  {
    name: "Paris",
    region: "Île-de-France",
    country: "FR",
    timezone: "Europe/Paris",
    currency: "EUR",
    nightly: [9_000, 40_000],
    taxBps: 1000,
    postalPrefix: "750",
    neighbourhoods: [
      { name: "Le Marais", lat: 48.859, lng: 2.362 },
      { name: "Montmartre", lat: 48.8867, lng: 2.3431 },
      { name: "Saint-Germain", lat: 48.854, lng: 2.333 },
      { name: "Canal Saint-Martin", lat: 48.871, lng: 2.366 },
    ],
    streets: ["Rue des Rosiers", "Rue Lepic", "Rue du Bac", "Quai de Valmy", "Rue de Turenne"],
  },
];
