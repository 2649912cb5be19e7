"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert.tsx";
import { Button, ButtonLink } from "@/components/ui/button.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { useSession } from "@/lib/use-session.ts";

/** Opens the guest's conversation with the host (the inquiry, made on first use). */
export function ContactHostButton({ listingId, hostId }: { listingId: string; hostId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { user, status } = useSession();
  const contact = useMutation(
    trpc.messages.contactHost.mutationOptions({
      onSuccess: ({ conversationId }) => router.push(`/messages/${conversationId}`),
    }),
  );
  if (status === "loading" || user?.id === hostId) return null;
  if (!user) {
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
