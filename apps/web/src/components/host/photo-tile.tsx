"use client";
import type { DragEvent } from "react";
import { Button } from "@/components/ui/button.tsx";
import type { ListingPhoto } from "./use-listing.ts";

/**
 * One photo in the gallery: drag it onto another to move it there, or use the buttons (the
 * keyboard way). Its name is its caption, else its place ("Photo 3"), which the buttons repeat.
 */
export function PhotoTile({
  photo,
  index,
  count,
  busy,
  dragging,
  onDragStart,
  onDragEnd,
  onDrop,
  onMove,
  onCover,
  onDelete,
}: {
  photo: ListingPhoto;
  index: number;
  count: number;
  busy: boolean;
  dragging: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDrop: (event: DragEvent<HTMLLIElement>) => void;
  onMove: (to: number) => void;
  onCover: () => void;
  onDelete: () => void;
}) {
  const n = index + 1;
  const name = photo.caption || `Photo ${n}`;
  return (
    <li
      className={dragging ? "host-photo host-photo--dragging" : "host-photo"}
      draggable={!busy}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
      data-photo-id={photo.id}
    >
      {/* biome-ignore lint/performance/noImgElement: photos are served by the API through the web origin, not next/image. */}
      <img src={photo.url} alt={name} width={photo.width} height={photo.height} loading="lazy" />
      <div className="host-photo__meta">
        {index === 0 ? (
          <span className="badge badge--success">Cover</span>
        ) : (
          <span className="muted">#{n}</span>
        )}
        <span className="muted" data-testid="photo-size">
          {photo.width} × {photo.height}
        </span>
      </div>
      <div className="host-photo__actions">
        <Button
          variant="ghost"
          size="small"
          aria-label={`Move ${name} earlier`}
          disabled={busy || index === 0}
          onClick={() => onMove(index - 1)}
        >
          ←
        </Button>
        <Button
          variant="ghost"
          size="small"
          aria-label={`Move ${name} later`}
          disabled={busy || index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          →
        </Button>
        {index > 0 && (
          <Button
            variant="secondary"
            size="small"
            aria-label={`Make ${name} the cover`}
            disabled={busy}
            onClick={onCover}
          >
            Cover
          </Button>
        )}
        <Button
          variant="danger"
          size="small"
          aria-label={`Delete ${name}`}
          disabled={busy}
          onClick={onDelete}
        >
          Delete
        </Button>
      </div>
    </li>
  );
}
