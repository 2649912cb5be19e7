"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = formErrorsFrom(request.error, { email: "Email" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(formValues(event.currentTarget, ["email"]));
  }

  return (
    <Card
      title="Reset your password"
      description="Enter your account's email and we will send you a link to choose a new password."
      headingLevel={1}
    >
      {request.isSuccess ? (
        // Same words whether or not the address has an account: no one can probe who is a member.
        <Alert tone="success" title="Check your email">
          If an account uses that address, a reset link is on its way. It expires soon, so use it shortly.
        </Alert>
      ) : (
        <form method="post" className="stack" onSubmit={onSubmit} noValidate>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            error={errors.fields.email}
          />
          <Button type="submit" block pending={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
      <p className="muted" style={{ marginTop: "1rem" }}>
        <Link href="/login">Back to log in</Link>
      </p>
    </Card>
  );
}
