"use client";
import { useRouter } from "next/navigation";
import { type ChangeEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Card } from "@/components/ui/card.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";

const accepted = ["image/png", "image/jpeg", "image/webp"];
const maxBytes = 2 * 1024 * 1024;

/** Uploads the raw image to PUT /users/me/avatar (proxied to the API), which checks type and size again. */
export function AvatarCard({ displayName, avatarUrl }: { displayName: string; avatarUrl: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<
    { status: "idle" | "uploading" | "done" } | { status: "error"; message: string }
  >({ status: "idle" });

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (!accepted.includes(file.type))
      return setState({ status: "error", message: "Choose a PNG, JPEG or WebP image." });
    if (file.size > maxBytes)
      return setState({ status: "error", message: "The image must be 2 MB or smaller." });
    setState({ status: "uploading" });
    try {
      const res = await fetch("/users/me/avatar", {
        method: "PUT",
        headers: { "content-type": file.type },
        body: file,
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        return setState({ status: "error", message: body?.message ?? `Upload failed (HTTP ${res.status}).` });
      }
      setState({ status: "done" });
      router.refresh();
    } catch {
      setState({ status: "error", message: "We could not reach HomeTrip. Try again." });
    }
  }

  return (
    <Card title="Photo" description="A clear photo of your face helps hosts and guests trust each other.">
      <div className="row">
        {avatarUrl ? (
          // biome-ignore lint/performance/noImgElement: avatars come from the API origin, not next/image.
          <img className="avatar" src={avatarUrl} alt={displayName} width={72} height={72} />
        ) : (
          <span className="avatar" aria-hidden="true">
            {displayName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <label className="button button--secondary">
          {state.status === "uploading" ? <Spinner label="Uploading" /> : null}
          {avatarUrl ? "Change photo" : "Upload photo"}
          <input
            type="file"
            accept={accepted.join(",")}
            className="visually-hidden"
            onChange={onChange}
            disabled={state.status === "uploading"}
          />
        </label>
      </div>
      {(state.status === "error" || state.status === "done") && (
        <div style={{ marginTop: "1rem" }}>
          {state.status === "error" ? (
            <Alert tone="error">{state.message}</Alert>
          ) : (
            <Alert tone="success">Your photo is updated.</Alert>
          )}
        </div>
      )}
    </Card>
  );
}
