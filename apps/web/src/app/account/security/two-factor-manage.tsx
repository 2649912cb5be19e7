"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

const fields = ["password", "code"] as const;
const labels = { password: "Password", code: "Code" };

/** Turning 2FA off or replacing recovery codes asks for the password and a current code again. */
export function TwoFactorManage({
  recoveryCodesRemaining,
  onNewCodes,
}: {
  recoveryCodesRemaining: number;
  onNewCodes: (codes: string[]) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<"disable" | "regenerate" | null>(null);
  const refreshStatus = () =>
    queryClient.invalidateQueries({ queryKey: trpc.auth.twoFactor.status.queryKey() });
  const disable = useMutation(trpc.auth.twoFactor.disable.mutationOptions({ onSuccess: refreshStatus }));
  const regenerate = useMutation(
    trpc.auth.twoFactor.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (r) => {
        void refreshStatus();
        onNewCodes(r.recoveryCodes);
      },
    }),
  );
  const running = action === "disable" ? disable : regenerate;
  const errors = formErrorsFrom(running.error, labels);

  if (!action) {
    return (
      <div className="stack">
        <p className="muted">
          You are asked for a code from your authenticator app each time you log in. You have{" "}
          {recoveryCodesRemaining === 1
            ? "1 unused recovery code"
            : `${recoveryCodesRemaining} unused recovery codes`}
          .
        </p>
        {recoveryCodesRemaining <= 2 && (
          <Alert tone="warning">
            You are running out of recovery codes. Create new ones so you are not locked out.
          </Alert>
        )}
        <div className="row">
          <Button variant="secondary" onClick={() => setAction("regenerate")}>
            New recovery codes
          </Button>
          <Button variant="danger" onClick={() => setAction("disable")}>
            Turn off
          </Button>
        </div>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget, fields, ["password"]);
    const input = { password: v.password, code: v.code.replace(/\s+/g, "") };
    if (action === "disable") disable.mutate(input);
    else regenerate.mutate(input);
  }

  return (
    <form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <p className="muted">
        {action === "disable"
          ? "Confirm it is you to turn off two-step verification."
          : "Confirm it is you to replace your recovery codes. The old ones stop working."}
      </p>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.fields.password}
      />
      <TextField
        label="Code from your authenticator app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        error={errors.fields.code}
      />
      <div className="row">
        <Button
          type="submit"
          variant={action === "disable" ? "danger" : "primary"}
          pending={running.isPending}
        >
          {action === "disable" ? "Turn off two-step verification" : "Create new codes"}
        </Button>
        <Button variant="ghost" onClick={() => setAction(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
