"use client";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/** Both links are single-use and short-lived, so they are fetched on click, not rendered into the page. */
export function PayoutActions({
  detailsSubmitted,
  payoutsEnabled,
}: {
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
}) {
  const trpc = useTRPC();
  const go = { onSuccess: ({ url }: { url: string }) => window.location.assign(url) };
  const onboarding = useMutation(trpc.payments.startOnboarding.mutationOptions(go));
  const dashboard = useMutation(trpc.payments.dashboardLink.mutationOptions(go));
  const failed = onboarding.error ?? dashboard.error;
  return (
    <div className="stack">
      {failed && <Alert tone="error">{errorMessage(failed)}</Alert>}
      <div className="payout-actions">
        {!payoutsEnabled && (
          <Button pending={onboarding.isPending} onClick={() => onboarding.mutate()}>
            {detailsSubmitted ? "Finish payout setup" : "Set up payouts with Stripe"}
          </Button>
        )}
        {detailsSubmitted && (
          <Button variant="secondary" pending={dashboard.isPending} onClick={() => dashboard.mutate()}>
            Open Stripe dashboard
          </Button>
        )}
      </div>
    </div>
  );
}
