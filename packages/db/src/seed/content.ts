import type { PropertyType } from "../schema/listings.ts";
import type { Rng } from "./prng.ts";

export const firstNames = [
  "Ana",
  "João",
  "Marta",
  "Pau",
  "Laia",
  "Haruto",
  "Yui",
  "Sakura",
  "Thabo",
  "Naledi",
  "Sipho",
  "Lucía",
  "Diego",
  "Valentina",
  "Mateo",
  "Olivia",
  "Liam",
  "Noah",
  "Emma",
  "Ava",
  "Sofia",
  "Léa",
  "Hugo",
  "Chloé",
  "Amara",
  "Kenji",
  "Aiko",
  "Ines",
  "Tomás",
  "Camila",
  "Ethan",
  "Maya",
  "Zanele",
  "Ren",
  "Clara",
  "Jonas",
] as const;

export const lastNames = [
  "Silva",
  "Santos",
  "Ferreira",
  "Puig",
  "García",
  "Martí",
  "Tanaka",
  "Suzuki",
  "Watanabe",
  "Nkosi",
  "Dlamini",
  "Botha",
  "Hernández",
  "López",
  "Ramírez",
  "Chen",
  "Wong",
  "Smith",
  "Johnson",
  "Martin",
  "Bernard",
  "Dubois",
  "Okafor",
  "Kim",
  "Nguyen",
  "Costa",
  "Rossi",
  "Müller",
  "Novak",
  "Ali",
] as const;

export const propertyTypes: readonly (readonly [PropertyType, number])[] = [
  ["apartment", 40],
  ["house", 12],
  ["loft", 8],
  ["condo", 8],
  ["townhouse", 6],
  ["villa", 4],
  ["cottage", 4],
  ["cabin", 2],
  ["guesthouse", 6],
  ["private_room", 10],
];

const adjectives = [
  "Sunny",
  "Cosy",
  "Bright",
  "Quiet",
  "Charming",
  "Modern",
  "Airy",
  "Light-filled",
  "Stylish",
];
const features = ["with balcony", "near the river", "with rooftop terrace", "by the park", "with city views"];
const nouns: Record<PropertyType, string> = {
  apartment: "apartment",
  house: "family house",
  villa: "villa",
  cabin: "cabin",
  cottage: "cottage",
  loft: "loft",
  condo: "condo",
  townhouse: "townhouse",
  guesthouse: "guesthouse",
  private_room: "private room",
};

export function listingTitle(rng: Rng, type: PropertyType, neighbourhood: string): string {
  return `${rng.pick(adjectives)} ${nouns[type]} in ${neighbourhood} ${rng.pick(features)}`;
}

const descriptionSentences = [
  "Morning light fills the living room and the kitchen is fully equipped.",
  "Cafés, a bakery and a small market are a two-minute walk away.",
  "Public transport stops right around the corner.",
  "The bedrooms face the courtyard, so nights are quiet.",
  "Fresh linen and towels are provided, and the beds are made on arrival.",
  "It is a lived-in home with books, plants and a good coffee maker.",
  "There is a desk with fast Wi-Fi for anyone who needs to work.",
  "The building has a lift and the entrance has step-free access.",
];

export function listingDescription(rng: Rng, neighbourhood: string, city: string): string {
  const intro = `A comfortable base in ${neighbourhood}, one of ${city}'s most loved neighbourhoods.`;
  return [intro, ...rng.sample(descriptionSentences, rng.int(2, 4))].join(" ");
}

export const amenityCatalog = [
  "wifi",
  "kitchen",
  "washer",
  "dryer",
  "air_conditioning",
  "heating",
  "dedicated_workspace",
  "tv",
  "hair_dryer",
  "iron",
  "pool",
  "hot_tub",
  "free_parking",
  "ev_charger",
  "crib",
  "gym",
  "bbq_grill",
  "breakfast",
  "fireplace",
  "smoke_alarm",
  "carbon_monoxide_alarm",
  "balcony",
  "elevator",
  "pets_allowed",
] as const;

const rules = [
  "No smoking inside.",
  "No parties or events.",
  "Quiet hours from 22:00 to 08:00.",
  "Please take off shoes indoors.",
  "Pets welcome on request.",
  "Please separate recycling.",
];

export function houseRules(rng: Rng): string {
  return rng.sample(rules, rng.int(2, 4)).join("\n");
}

const reviewOpeners = [
  "Lovely stay.",
  "Great place.",
  "Exactly as described.",
  "Wonderful host.",
  "Perfect location.",
];
const reviewDetails = [
  "Spotless and very comfortable.",
  "Check-in was easy and the host answered quickly.",
  "The neighbourhood is full of good food.",
  "A little noisy at night, but otherwise great.",
  "We would happily come back.",
  "The kitchen had everything we needed.",
];

export function reviewBody(rng: Rng, rating: number): string {
  if (rating <= 2) return "Not what we expected: the place was not as clean as the photos suggested.";
  return `${rng.pick(reviewOpeners)} ${rng.sample(reviewDetails, rng.int(1, 2)).join(" ")}`;
}

export const guestReviewBodies = [
  "Respectful guest who left the place tidy.",
  "Great communication, welcome back any time.",
  "Easy to host, followed the house rules.",
];

export const messageTemplates = {
  guestOpening: [
    "Hi! We're looking forward to the stay. Is early check-in possible?",
    "Hello, could you recommend somewhere nearby for dinner?",
    "Hi, is there a good place to leave luggage after check-out?",
  ],
  hostReply: [
    "Welcome! Early check-in should be fine, I'll confirm the day before.",
    "Sure, there is a great little place two streets down. I'll leave a list in the flat.",
    "Of course, you can leave your bags until 15:00.",
  ],
  guestThanks: ["Thank you so much!", "Perfect, thanks!", "Great, see you soon."],
} as const;
