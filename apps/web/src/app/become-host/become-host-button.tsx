"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function BecomeHostButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const becomeHost = useMutation(
    trpc.users.becomeHost.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <div className="stack">
      {becomeHost.isError && <Alert tone="error">{errorMessage(becomeHost.error)}</Alert>}
      {becomeHost.isSuccess && <Alert tone="success">Welcome, host! Your host profile is ready.</Alert>}
      <div>
        <Button pending={becomeHost.isPending} onClick={() => becomeHost.mutate()}>
          Become a host
        </Button>
      </div>
    </div>
  );
}
