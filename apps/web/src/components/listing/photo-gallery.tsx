"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export type GalleryPhoto = { id: string; url: string; width: number; height: number; caption: string };

const GRID_PHOTOS = 5;

/**
 * The listing's photos: a grid of the first five and a lightbox for all of them. The lightbox is
 * a modal <dialog> (focus stays inside, Escape closes) with arrow keys for previous and next;
 * closing returns focus to the photo that opened it.
 */
export function PhotoGallery({ photos, title }: { photos: GalleryPhoto[]; title: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const count = photos.length;
  const alt = (i: number) => photos[i]?.caption || `${title}, photo ${i + 1} of ${count}`;

  const open = (i: number, from: HTMLElement) => {
    opener.current = from;
    setIndex(i);
  };
  const close = useCallback(() => setIndex(null), []);
  const step = useCallback(
    (by: number) => setIndex((i) => (i === null ? i : (i + by + count) % count)),
    [count],
  );

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (index !== null && !el.open) el.showModal();
    if (index === null && el.open) {
      el.close();
      opener.current?.focus();
    }
  }, [index]);

  if (count === 0) {
    return (
      <div className="gallery gallery--empty">
        <p className="muted">No photos yet.</p>
      </div>
    );
  }

  const current = index === null ? null : photos[index];
  return (
    <>
      <div className={`gallery gallery--${Math.min(count, GRID_PHOTOS)}`}>
        {photos.slice(0, GRID_PHOTOS).map((photo, i) => (
          <button
            key={photo.id}
            type="button"
            className="gallery__item"
            onClick={(e) => open(i, e.currentTarget)}
            aria-label={`Open photo ${i + 1} of ${count}`}
          >
            {/* biome-ignore lint/performance/noImgElement: photos come through the API proxy with their own long cache headers */}
            <img
              src={photo.url}
              alt={alt(i)}
              width={photo.width}
              height={photo.height}
              loading={i ? "lazy" : "eager"}
            />
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary button--small gallery__all"
          onClick={(e) => open(0, e.currentTarget)}
        >
          Show all {count} photos
        </button>
      </div>
      <dialog
        ref={dialog}
        className="lightbox"
        aria-label={`Photos of ${title}`}
        onClose={close}
        onKeyDown={(e) => {
          if (e.key === "ArrowRight") step(1);
          else if (e.key === "ArrowLeft") step(-1);
        }}
      >
        {current && index !== null && (
          <div className="lightbox__inner">
            <div className="lightbox__bar">
              <p aria-live="polite">
                Photo {index + 1} of {count}
              </p>
              <button type="button" className="button button--secondary button--small" onClick={close}>
                Close
              </button>
            </div>
            <figure className="lightbox__figure">
              {/* biome-ignore lint/performance/noImgElement: full-size photo from the API proxy */}
              <img src={current.url} alt={alt(index)} width={current.width} height={current.height} />
              {current.caption && <figcaption>{current.caption}</figcaption>}
            </figure>
            {count > 1 && (
              <div className="lightbox__nav">
                <button type="button" className="button button--secondary" onClick={() => step(-1)}>
                  ← Previous photo
                </button>
                <button type="button" className="button button--secondary" onClick={() => step(1)}>
                  Next photo →
                </button>
              </div>
            )}
          </div>
        )}
      </dialog>
    </>
  );
}
