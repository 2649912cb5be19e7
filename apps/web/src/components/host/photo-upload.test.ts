import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES, photoFileProblem } from "./photo-upload.ts";

describe("photoFileProblem", () => {
  it("lets JPEG, PNG and WebP photos up to 10 MB through", () => {
    expect(photoFileProblem({ name: "a.jpg", type: "image/jpeg", size: 120_000 })).toBeNull();
    expect(photoFileProblem({ name: "b.png", type: "image/png", size: MAX_PHOTO_BYTES })).toBeNull();
    expect(photoFileProblem({ name: "c.webp", type: "image/webp", size: 1 })).toBeNull();
  });

  it("names the problem of each refused file", () => {
    expect(photoFileProblem({ name: "notes.txt", type: "text/plain", size: 10 })).toBe(
      "Not a photo we can use: choose a JPEG, PNG or WebP image.",
    );
    expect(photoFileProblem({ name: "x.gif", type: "image/gif", size: 10 })).toMatch(/^Not a photo/);
    expect(photoFileProblem({ name: "huge.jpg", type: "image/jpeg", size: 11 * 1024 * 1024 })).toBe(
      "Too large (11.0 MB): a photo may be at most 10 MB.",
    );
    expect(photoFileProblem({ name: "empty.png", type: "image/png", size: 0 })).toBe("The file is empty.");
  });
});
