import { createRng } from "../prng.ts";
import { Canvas } from "./canvas.ts";
import { encodePng } from "./png.ts";
import { type SceneKind, scenes } from "./scenes.ts";

export type DemoPhoto = {
  /** Object key in the listing-photos bucket (the API serves it at /listing-photos/<key>). */
  key: string;
  kind: SceneKind;
  caption: string;
  width: number;
  height: number;
};

export const DEMO_PHOTO_WIDTH = 1200;
export const DEMO_PHOTO_HEIGHT = 800;
/** Pictures drawn per kind of room or view; every listing's photos come from this shared pool. */
const VARIANTS = 10;

const captions: Record<SceneKind, string> = {
  living: "Living room",
  bedroom: "Bedroom",
  kitchen: "Kitchen",
  bathroom: "Bathroom",
  view: "View",
  exterior: "Outside",
};

const kinds = Object.keys(scenes) as SceneKind[];

/** Same shape as an uploaded photo's random key (32 of [A-Za-z0-9_-]), stable across runs. */
const keyOf = (kind: SceneKind, variant: number) =>
  `demo_${kind}_${String(variant).padStart(2, "0")}`.padEnd(32, "_");

/** The pool of demo pictures, by kind; the pixels are drawn only by `renderDemoPhoto`. */
export const demoPhotoPool: Record<SceneKind, DemoPhoto[]> = Object.fromEntries(
  kinds.map((kind) => [
    kind,
    Array.from({ length: VARIANTS }, (_, variant) => ({
      key: keyOf(kind, variant),
      kind,
      caption: captions[kind],
      width: DEMO_PHOTO_WIDTH,
      height: DEMO_PHOTO_HEIGHT,
    })),
  ]),
) as Record<SceneKind, DemoPhoto[]>;

export const allDemoPhotos = (): DemoPhoto[] => kinds.flatMap((kind) => demoPhotoPool[kind]);

/** The PNG bytes of one pool picture; the same key always draws the same picture. */
export function renderDemoPhoto(photo: DemoPhoto): Uint8Array {
  const variant = Number(photo.key.slice(`demo_${photo.kind}_`.length, `demo_${photo.kind}_`.length + 2));
  const canvas = new Canvas(photo.width, photo.height);
  scenes[photo.kind](canvas, createRng(kinds.indexOf(photo.kind) * 1000 + variant + 1));
  return encodePng(photo.width, photo.height, canvas.pixels);
}
