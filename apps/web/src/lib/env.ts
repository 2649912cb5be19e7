import { type MapTiles, mapTilesFrom } from "../components/map/map-tiles.ts";

/**
 * The web server's settings, read once here (the only module besides next.config.ts that reads
 * process.env). The browser never needs them: it reaches the API through the web origin.
 */
export type WebEnv = {
  /** Where the API Worker listens, as seen from the Next server. */
  apiUrl: string;
  /** The dev mailbox page exists outside production, or when HOMETRIP_DEV_TOOLS=1. */
  devTools: boolean;
  /** The local push and SMS stand-ins (`bun run dev` sets DEV_CHANNELS_URL); null elsewhere. */
  devChannelsUrl: string | null;
  /** Raster tiles for the search map (NEXT_PUBLIC_MAP_TILE_URL + _ATTRIBUTION); null: the offline land base. */
  mapTiles: MapTiles | null;
  /**
   * What the checkout page hands the browser to confirm a payment directly with Stripe (card data
   * never reaches our servers): Stripe's API base (STRIPE_BROWSER_API_BASE, default
   * https://api.stripe.com; locally the devstack stand-in) and the publishable key
   * (STRIPE_PUBLISHABLE_KEY, pk_test_… or pk_live_…). Null key: checkout says payments are off.
   */
  stripe: { apiBase: string; publishableKey: string | null };
};

export function webEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const apiUrl = (source.API_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");
  if (!/^https?:\/\//.test(apiUrl)) throw new Error(`API_URL must be an http(s) URL, got "${apiUrl}"`);
  return {
    apiUrl,
    devTools: source.NODE_ENV !== "production" || source.HOMETRIP_DEV_TOOLS === "1",
    devChannelsUrl: /^https?:\/\//.test(source.DEV_CHANNELS_URL ?? "")
      ? (source.DEV_CHANNELS_URL as string).replace(/\/$/, "")
      : null,
    mapTiles: mapTilesFrom(source),
    stripe: stripeFrom(source),
  };
}

function stripeFrom(source: Record<string, string | undefined>): WebEnv["stripe"] {
  const apiBase = (source.STRIPE_BROWSER_API_BASE || "https://api.stripe.com").replace(/\/$/, "");
  if (!/^https?:\/\//.test(apiBase)) {
    throw new Error(`STRIPE_BROWSER_API_BASE must be an http(s) URL, got "${apiBase}"`);
  }
  const key = source.STRIPE_PUBLISHABLE_KEY || null;
  if (key && !/^pk_(test|live)_[A-Za-z0-9_]+$/.test(key)) {
    throw new Error("STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_test_… or pk_live_…)");
  }
  return { apiBase, publishableKey: key };
}
