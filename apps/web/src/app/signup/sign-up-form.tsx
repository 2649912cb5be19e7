"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

const fields = ["displayName", "email", "password"] as const;
const labels = { displayName: "Name", email: "Email", password: "Password" };

export function SignUpForm() {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [email, setEmail] = useState("");
  const errors = formErrorsFrom(signUp.error, labels);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget, fields, ["password"]);
    setEmail(values.email);
    signUp.mutate(values);
  }

  if (signUp.isSuccess) {
    return (
      <Card title="Check your email" headingLevel={1}>
        <div className="stack">
          <Alert tone="success">
            We sent a verification link to <strong>{email}</strong>. Open it to confirm your address.
          </Alert>
          <p className="muted">
            You can already <Link href="/login">log in</Link>; some features wait until your email is
            verified.
          </p>
        </div>
      </Card>
    );
  }

  return (
    <Card
      title="Create your account"
      description="Book stays and host homes with one account."
      headingLevel={1}
    >
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          required
          error={errors.fields.displayName}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. A passphrase works well."
          error={errors.fields.password}
        />
        <Button type="submit" block pending={signUp.isPending}>
          Sign up
        </Button>
        <p className="muted">
          Already have an account? <Link href="/login">Log in</Link>
        </p>
      </form>
    </Card>
  );
}
