"use client";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function EmailCard({ email, verified }: { email: string; verified: boolean }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.requestEmailVerification.mutationOptions());
  return (
    <Card title="Email">
      <div className="stack">
        <div className="row">
          <span>{email}</span>
          {verified ? (
            <span className="badge badge--success" data-testid="email-status">
              Verified
            </span>
          ) : (
            <span className="badge" data-testid="email-status">
              Not verified
            </span>
          )}
        </div>
        {!verified &&
          (resend.isSuccess ? (
            <Alert tone="success">A new verification link is on its way.</Alert>
          ) : (
            <div className="stack">
              {resend.isError && <Alert tone="error">{errorMessage(resend.error)}</Alert>}
              <div>
                <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
                  Send a new verification link
                </Button>
              </div>
            </div>
          ))}
      </div>
    </Card>
  );
}
