"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert.tsx";
import { Button, ButtonLink } from "@/components/ui/button.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/**
 * Opens the guest's conversation with the host (the inquiry, made on first use). `viewerId` comes
 * from the page's server render, so a visitor's browser never asks the API who it is.
 */
export function ContactHostButton({
  listingId,
  hostId,
  viewerId,
}: {
  listingId: string;
  hostId: string;
  viewerId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const contact = useMutation(
    trpc.messages.contactHost.mutationOptions({
      onSuccess: ({ conversationId }) => router.push(`/messages/${conversationId}`),
    }),
  );
  if (viewerId === hostId) return null;
  if (!viewerId) {
    return (
      <ButtonLink
        href={`/login?next=${encodeURIComponent(`/listings/${listingId}`)}`}
        variant="secondary"
        size="small"
      >
        Log in to contact the host
      </ButtonLink>
    );
  }
  return (
    <div className="stack">
      <Button
        variant="secondary"
        size="small"
        pending={contact.isPending}
        onClick={() => contact.mutate({ listingId })}
        data-testid="contact-host"
      >
        Contact host
      </Button>
      {contact.isError && <Alert tone="error">{errorMessage(contact.error)}</Alert>}
    </div>
  );
}
