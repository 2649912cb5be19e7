"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button, ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function ResetPasswordForm({ token }: { token: string | null }) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [mismatch, setMismatch] = useState(false);
  const errors = formErrorsFrom(reset.error, { newPassword: "New password", token: "The link" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget, ["newPassword", "confirm"], ["newPassword", "confirm"]);
    setMismatch(values.newPassword !== values.confirm);
    if (values.newPassword !== values.confirm || !token) return;
    reset.mutate({ token, newPassword: values.newPassword });
  }

  if (!token) {
    return (
      <Card title="Choose a new password" headingLevel={1}>
        <Alert tone="error">
          This link is missing its token. <Link href="/forgot-password">Ask for a new link</Link>.
        </Alert>
      </Card>
    );
  }
  if (reset.isSuccess) {
    return (
      <Card title="Password changed" headingLevel={1}>
        <div className="stack">
          <Alert tone="success">Your password is changed. Log in with the new one.</Alert>
          <div>
            <ButtonLink href="/login">Log in</ButtonLink>
          </div>
        </div>
      </Card>
    );
  }
  const tokenError = errors.fields.token ?? null;
  return (
    <Card title="Choose a new password" headingLevel={1}>
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {(errors.form || tokenError) && (
          <Alert tone="error">
            {errors.form ?? tokenError} <Link href="/forgot-password">Ask for a new link</Link>.
          </Alert>
        )}
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters."
          error={errors.fields.newPassword}
        />
        <TextField
          label="Repeat the new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? "The passwords do not match." : null}
        />
        <Button type="submit" block pending={reset.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
