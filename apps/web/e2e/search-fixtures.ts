import { randomBytes, randomInt } from "node:crypto";
import type { AppRouter } from "@hometrip/api";
import { encodePng } from "@hometrip/db/seed";
import { createTRPCClient, httpLink } from "@trpc/client";

/**
 * Arranging guest-side e2e data through the API itself (tRPC over HTTP against E2E_API_URL), the
 * way any client would: sign up, log in for a bearer token, become a host, create, fill in,
 * upload photos, publish, block dates. The browser then only does what a guest does.
 */

export class ApiClient {
  // Outside production the API reads the client address from x-forwarded-for; a fresh one per
  // client keeps the per-IP sign-up limit (10 an hour) from tripping across runs.
  private readonly forwardedFor = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  private token: string | null = null;

  /** The typed tRPC client the web app uses too; a failed call throws `TRPCClientError`. */
  readonly trpc;

  constructor(readonly baseUrl: string) {
    this.trpc = createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/trpc`, headers: () => this.headers() })],
    });
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      "x-forwarded-for": this.forwardedFor,
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...extra,
    };
  }

  async putPhoto(listingId: string, png: Uint8Array): Promise<void> {
    const res = await fetch(`${this.baseUrl}/listings/${listingId}/photos`, {
      method: "PUT",
      headers: this.headers({ "content-type": "image/png" }),
      body: Uint8Array.from(png),
    });
    if (res.status !== 201) throw new Error(`photo upload answered ${res.status}: ${await res.text()}`);
  }

  /** Signs in as an existing member (no 2FA) for a bearer token, e.g. one who signed up in the browser. */
  async logIn(email: string, password: string): Promise<void> {
    const signedIn = await this.trpc.auth.logIn.mutate({ email, password, tokenDelivery: "body" });
    if (signedIn.status !== "signed_in" || !signedIn.tokens) throw new Error("auth.logIn gave no tokens");
    this.token = signedIn.tokens.accessToken;
  }

  /** A new member with a host profile, signed in with a bearer token (no 2FA, so no second step). */
  async signUpAsHost(name: string): Promise<{ email: string }> {
    const tag = randomBytes(4).toString("hex");
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${tag}@example.test`;
    const password = `granite-orchard-${tag}-lighthouse`;
    await this.trpc.auth.signUp.mutate({ email, password, displayName: name });
    const signedIn = await this.trpc.auth.logIn.mutate({ email, password, tokenDelivery: "body" });
    if (signedIn.status !== "signed_in" || !signedIn.tokens) throw new Error("auth.logIn gave no tokens");
    this.token = signedIn.tokens.accessToken;
    await this.trpc.users.becomeHost.mutate();
    return { email };
  }

  /**
   * Finishes payout setup as a host does on Stripe's onboarding form (the stand-in's page), so
   * this host may publish instant-book listings; `payoutStatus` asks Stripe while they are off.
   */
  async setUpPayouts(): Promise<void> {
    if ((await this.trpc.payments.payoutStatus.query()).payoutsEnabled) return;
    const { url } = await this.trpc.payments.startOnboarding.mutate();
    const res = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "complete" }),
      redirect: "manual",
    });
    if (res.status >= 400) throw new Error(`onboarding form answered ${res.status}: ${await res.text()}`);
    const status = await this.trpc.payments.payoutStatus.query();
    if (!status.payoutsEnabled) throw new Error("payouts are still off after onboarding");
  }
}

export type ListingSeed = {
  title: string;
  city: string;
  lat: number;
  lng: number;
  propertyType: "apartment" | "house" | "villa" | "cabin" | "cottage" | "loft";
  /** Major units (EUR). */
  nightlyPrice: number;
  cleaningFee: number;
  bedrooms: number;
  amenities: string[];
  instantBook?: boolean;
  photoColors?: [number, number, number][];
};

/** A published listing with five generated photos; returns its id. */
export async function createPublishedListing(api: ApiClient, seed: ListingSeed): Promise<string> {
  const { id } = await api.trpc.listings.create.mutate({
    title: seed.title,
    propertyType: seed.propertyType,
  });
  await api.trpc.listings.update.mutate({
    id,
    changes: {
      description: `${seed.title}: a quiet home with morning light, a short walk from the old town.`,
      addressLine1: "Rua do Sol 7",
      city: seed.city,
      country: "PT",
      lat: seed.lat,
      lng: seed.lng,
      timezone: "Europe/Lisbon",
      capacity: 4,
      bedrooms: seed.bedrooms,
      beds: seed.bedrooms + 1,
      baths: 1,
      amenities: seed.amenities,
      houseRules: "No parties.\nQuiet hours after 22:00.",
      nightlyPrice: seed.nightlyPrice * 100,
      cleaningFee: seed.cleaningFee * 100,
      currency: "EUR",
      instantBook: seed.instantBook ?? false,
    },
  });
  const colors = seed.photoColors ?? defaultColors;
  for (let i = 0; i < 5; i++) await api.putPhoto(id, gradientPng(480, 320, colors[i % colors.length]!));
  // Publishing an instant-book listing needs the host's payouts set up first.
  if (seed.instantBook) await api.setUpPayouts();
  await api.trpc.listings.publish.mutate({ id });
  return id;
}

const defaultColors: [number, number, number][] = [
  [214, 120, 84],
  [90, 140, 190],
  [120, 170, 110],
  [200, 170, 90],
  [150, 110, 170],
];

/** A real, viewable PNG: a diagonal gradient from `rgb` towards white, with a horizon line. */
export function gradientPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const pixels = new Uint8Array(width * 3 * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const horizon = Math.abs(y - height * 0.62) < 2 ? 0.6 : 1;
      for (let c = 0; c < 3; c++) {
        pixels[(y * width + x) * 3 + c] = Math.round((rgb[c]! + (255 - rgb[c]!) * t * 0.7) * horizon);
      }
    }
  }
  return encodePng(width, height, pixels);
}
