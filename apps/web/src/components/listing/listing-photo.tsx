"use client";
import { type ImgHTMLAttributes, useState } from "react";

/**
 * A listing photo that gives way to a plain "No photo" tile when it cannot be loaded (a photo
 * removed meanwhile, or demo data whose images live elsewhere), instead of a broken-image icon.
 */
export function ListingPhoto({
  src,
  alt,
  className,
  ...rest
}: Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "alt"> & { src: string | null; alt: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <span className={["photo-missing", className].filter(Boolean).join(" ")}>
        <span className="muted">No photo</span>
      </span>
    );
  }
  // biome-ignore lint/performance/noImgElement: photos come through the API proxy with their own long cache headers
  return <img {...rest} alt={alt} className={className} src={src} onError={() => setFailed(src)} />;
}
