"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { RecoveryCodes } from "./recovery-codes.tsx";
import { TwoFactorEnrolment } from "./two-factor-enrolment.tsx";
import { TwoFactorManage } from "./two-factor-manage.tsx";

/** Off → enrolling (QR, confirm) → recovery codes shown once → on (disable, new codes). */
export function TwoFactorCard() {
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.twoFactor.status.queryOptions());
  const [enrolling, setEnrolling] = useState(false);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);

  let body: React.ReactNode;
  if (freshCodes) {
    body = <RecoveryCodes codes={freshCodes} onDone={() => setFreshCodes(null)} />;
  } else if (status.isPending) {
    body = <LoadingBlock label="Loading…" />;
  } else if (status.isError) {
    body = <Alert tone="error">{errorMessage(status.error)}</Alert>;
  } else if (status.data.enabled) {
    body = (
      <TwoFactorManage
        recoveryCodesRemaining={status.data.recoveryCodesRemaining}
        onNewCodes={setFreshCodes}
      />
    );
  } else if (enrolling) {
    body = (
      <TwoFactorEnrolment
        onConfirmed={(codes) => {
          setEnrolling(false);
          setFreshCodes(codes);
        }}
        onCancel={() => setEnrolling(false)}
      />
    );
  } else {
    body = (
      <div className="stack">
        <p className="muted">
          Protect your account with a code from an authenticator app each time you log in.
        </p>
        <div>
          <Button onClick={() => setEnrolling(true)}>Set up two-step verification</Button>
        </div>
      </div>
    );
  }
  return (
    <Card
      title={
        <span className="row">
          Two-step verification
          {status.data && (
            <span
              className={status.data.enabled ? "badge badge--success" : "badge"}
              data-testid="two-factor-status"
            >
              {status.data.enabled ? "On" : "Off"}
            </span>
          )}
        </span>
      }
    >
      {body}
    </Card>
  );
}
