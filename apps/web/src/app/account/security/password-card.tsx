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

const fields = ["currentPassword", "newPassword"] as const;
const labels = { currentPassword: "Current password", newPassword: "New password" };

export function PasswordCard() {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const errors = formErrorsFrom(change.error, labels);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form, [...fields, "confirm"], [...fields, "confirm"]);
    setMismatch(v.newPassword !== v.confirm);
    if (v.newPassword !== v.confirm) return;
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card title="Password" description="Use a password you do not use anywhere else.">
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {change.isSuccess && <Alert tone="success">Your password is changed.</Alert>}
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.currentPassword}
        />
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
        <div>
          <Button type="submit" pending={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
