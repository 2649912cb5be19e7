"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/** The second step of logging in: a code from the authenticator app, or a one-time recovery code. */
export function TwoFactorStep({
  challengeToken,
  onSignedIn,
  onRestart,
}: {
  challengeToken: string;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const trpc = useTRPC();
  const [useRecovery, setUseRecovery] = useState(false);
  const complete = useMutation(trpc.auth.completeTwoFactor.mutationOptions({ onSuccess: onSignedIn }));
  const errors = formErrorsFrom(complete.error, { code: "Code", recoveryCode: "Recovery code" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { value } = formValues(event.currentTarget, ["value"]);
    const compact = value.replace(/\s+/g, "");
    complete.mutate(
      useRecovery ? { challengeToken, recoveryCode: value } : { challengeToken, code: compact },
    );
  }

  const field = useRecovery ? "recoveryCode" : "code";
  return (
    <Card
      title="Two-step verification"
      description={
        useRecovery
          ? "Enter one of the recovery codes you saved when you set up two-step verification."
          : "Enter the 6-digit code from your authenticator app."
      }
      headingLevel={1}
    >
      <form method="post" className="stack" onSubmit={onSubmit} noValidate key={field}>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {useRecovery ? (
          <TextField
            label="Recovery code"
            name="value"
            autoComplete="off"
            required
            error={errors.fields.recoveryCode}
          />
        ) : (
          <TextField
            label="Authentication code"
            name="value"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            error={errors.fields.code}
          />
        )}
        <Button type="submit" block pending={complete.isPending || complete.isSuccess}>
          Verify
        </Button>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <Button
            variant="ghost"
            size="small"
            onClick={() => {
              complete.reset();
              setUseRecovery(!useRecovery);
            }}
          >
            {useRecovery ? "Use an authenticator code" : "Use a recovery code"}
          </Button>
          {/* A challenge expires after a few minutes; then the password step is needed again. */}
          <Button variant="ghost" size="small" onClick={onRestart}>
            Start over
          </Button>
        </div>
      </form>
    </Card>
  );
}
