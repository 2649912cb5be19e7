"use client";
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type DragEvent, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client.ts";
import { MIN_PHOTOS_TO_PUBLISH } from "./listing-steps.ts";
import { PhotoTile } from "./photo-tile.tsx";
import { ACCEPTED_PHOTO_TYPES, photoFileProblem, uploadListingPhoto } from "./photo-upload.ts";
import { type HostListing, useListingCache } from "./use-listing.ts";

type Upload = {
  key: number;
  name: string;
  status: "waiting" | "uploading" | "failed";
  progress: number;
  message?: string;
};

/**
 * Photos: pick several files at once; each uploads in turn with its own progress bar, and a file
 * that is refused (wrong type, too large, damaged) shows why beside its name while the others go
 * on. The first photo is the cover. Captions are shown when set, but the API has no call to set
 * them yet (listings.update does not take photo captions), so there is nothing to edit here.
 */
export function PhotosStep({ listing }: { listing: HostListing }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const cache = useListingCache(listing.id);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const nextKey = useRef(0);
  const pending = useRef(0);
  const [dragged, setDragged] = useState<string | null>(null);

  const reorder = useMutation(trpc.listings.reorderPhotos.mutationOptions({ onSuccess: cache.setPhotos }));
  const cover = useMutation(trpc.listings.setCoverPhoto.mutationOptions({ onSuccess: cache.setPhotos }));
  const remove = useMutation(trpc.listings.deletePhoto.mutationOptions({ onSuccess: cache.setPhotos }));
  const busy = reorder.isPending || cover.isPending || remove.isPending;
  const failed = [reorder, cover, remove].find((m) => m.isError);
  const photos = listing.photos;

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function onPick(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = "";
    const added: Upload[] = [];
    for (const file of files) {
      const key = nextKey.current++;
      const problem = photoFileProblem(file);
      added.push({
        key,
        name: file.name,
        status: problem ? "failed" : "waiting",
        progress: 0,
        message: problem ?? undefined,
      });
      if (!problem) enqueue(key, file);
    }
    setUploads((list) => [...list, ...added]);
  }

  // One upload at a time, in the order picked, so photos land in that order.
  function enqueue(key: number, file: File) {
    pending.current += 1;
    queue.current = queue.current.then(async () => {
      patch(key, { status: "uploading" });
      const result = await uploadListingPhoto(
        listing.id,
        file,
        (progress) => patch(key, { progress }),
        () => client.users.me.query(),
      );
      if (result.ok) {
        cache.addPhoto(result.photo);
        setUploads((list) => list.filter((u) => u.key !== key));
      } else {
        patch(key, { status: "failed", message: result.message });
      }
      pending.current -= 1;
      // What publishing still needs is re-read once the batch is in.
      if (pending.current === 0) void cache.refetch();
    });
  }

  function move(index: number, to: number) {
    if (to < 0 || to >= photos.length || to === index) return;
    const ids = photos.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    if (!id) return;
    ids.splice(to, 0, id);
    reorder.mutate({ listingId: listing.id, photoIds: ids });
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    event.preventDefault();
    const from = photos.findIndex((p) => p.id === dragged);
    setDragged(null);
    if (from >= 0) move(from, index);
  }

  const uploading = uploads.some((u) => u.status !== "failed");
  const missing = Math.max(0, MIN_PHOTOS_TO_PUBLISH - photos.length);

  return (
    <Card
      title="Photos"
      description="Bright, wide photos of every room. The first photo is the cover guests see in search."
    >
      <div className="stack">
        <p className="muted" data-testid="photo-count">
          {photos.length} {photos.length === 1 ? "photo" : "photos"}
          {missing > 0 ? ` — add ${missing} more to publish (at least ${MIN_PHOTOS_TO_PUBLISH}).` : "."}
        </p>
        <div className="row">
          <label className="button button--primary">
            {uploading && <Spinner label={null} />}
            Add photos
            <input
              type="file"
              multiple
              accept={ACCEPTED_PHOTO_TYPES.join(",")}
              className="visually-hidden"
              onChange={onPick}
            />
          </label>
          <span className="muted">JPEG, PNG or WebP, up to 10 MB each.</span>
        </div>

        {uploads.length > 0 && (
          <ul className="list" aria-label="Uploads">
            {uploads.map((u) => (
              <li key={u.key} className="list__item host-upload">
                <span className="host-upload__name">{u.name}</span>
                {u.status === "failed" ? (
                  <>
                    <span className="field__error" role="alert">
                      {u.message}
                    </span>
                    <Button
                      variant="ghost"
                      size="small"
                      aria-label={`Dismiss ${u.name}`}
                      onClick={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
                    >
                      Dismiss
                    </Button>
                  </>
                ) : (
                  <>
                    <progress value={u.progress} max={1} aria-label={`Uploading ${u.name}`} />
                    <span className="muted">
                      {u.status === "waiting" ? "Waiting" : `${Math.round(u.progress * 100)} %`}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}

        {failed && <Alert tone="error">{errorMessage(failed.error)}</Alert>}

        {photos.length === 0 ? (
          <p className="muted">No photos yet.</p>
        ) : (
          <ol className="host-photos" aria-label="Photos" aria-busy={busy || undefined}>
            {photos.map((photo, index) => (
              <PhotoTile
                key={photo.id}
                photo={photo}
                index={index}
                count={photos.length}
                busy={busy}
                dragging={dragged === photo.id}
                onDragStart={() => setDragged(photo.id)}
                onDragEnd={() => setDragged(null)}
                onDrop={(event) => onDrop(event, index)}
                onMove={(to) => move(index, to)}
                onCover={() => cover.mutate({ listingId: listing.id, photoId: photo.id })}
                onDelete={() => remove.mutate({ listingId: listing.id, photoId: photo.id })}
              />
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}
