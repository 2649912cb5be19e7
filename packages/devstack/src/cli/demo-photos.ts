/**
 * Puts the seeded listings' photos where a host's uploads live: the API's LISTING_PHOTOS bucket,
 * which `wrangler dev` keeps under .wrangler/state beside wrangler.toml. Opening the same
 * persisted bucket through wrangler's platform proxy puts them there before the API starts; only
 * the pictures that are missing are drawn, so a normal restart costs a head request per picture.
 *
 *   bun packages/devstack/src/cli/demo-photos.ts <repository root>
 *
 * A command of its own, run by `bun run dev`, because importing wrangler installs a SIGINT handler
 * that exits the process at once: inside the orchestrator it would cut Ctrl-C short and leave the
 * runtimes running without their parent.
 */
import { join, resolve } from "node:path";
import { allDemoPhotos, renderDemoPhoto } from "@hometrip/db/seed";
import { getPlatformProxy } from "wrangler";

type PhotoBucket = {
  head(key: string): Promise<unknown | null>;
  put(key: string, value: Uint8Array, options: { httpMetadata: { contentType: string } }): Promise<unknown>;
};

const root = resolve(process.argv[2] ?? ".");
const proxy = await getPlatformProxy<{ LISTING_PHOTOS: PhotoBucket }>({
  configPath: join(root, "wrangler.toml"),
  persist: true,
});
try {
  const bucket = proxy.env.LISTING_PHOTOS;
  let drawn = 0;
  for (const photo of allDemoPhotos()) {
    if (await bucket.head(photo.key)) continue;
    await bucket.put(photo.key, renderDemoPhoto(photo), { httpMetadata: { contentType: "image/png" } });
    drawn += 1;
  }
  if (drawn > 0) console.log(`demo photos: drew ${drawn} pictures into the listing-photos bucket`);
} finally {
  await proxy.dispose();
}
