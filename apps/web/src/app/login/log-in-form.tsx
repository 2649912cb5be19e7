"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { TwoFactorStep } from "./two-factor-step.tsx";

const fields = ["email", "password"] as const;
const labels = { email: "Email", password: "Password" };

export function LogInForm({
  returnTo,
  providers,
  notice,
}: {
  returnTo: string;
  providers: { id: string; name: string }[];
  notice?: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [challenge, setChallenge] = useState<string | null>(null);
  const signedIn = () => {
    router.replace(returnTo);
    router.refresh();
  };
  const logIn = useMutation(
    trpc.auth.logIn.mutationOptions({
      onSuccess: (result) => {
        if (result.status === "two_factor_required") setChallenge(result.challengeToken);
        else signedIn();
      },
    }),
  );
  const errors = formErrorsFrom(logIn.error, labels);

  if (challenge) {
    return (
      <TwoFactorStep challengeToken={challenge} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    logIn.mutate(formValues(event.currentTarget, fields, ["password"]));
  }

  return (
    <Card title="Log in" description="Welcome back to HomeTrip." headingLevel={1}>
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        {!errors.form && notice && <Alert tone="error">{notice}</Alert>}
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
          autoComplete="current-password"
          required
          error={errors.fields.password}
        />
        <Button type="submit" block pending={logIn.isPending || logIn.isSuccess}>
          Log in
        </Button>
        <div className="row" style={{ justifyContent: "space-between" }}>
          <Link href="/forgot-password">Forgot your password?</Link>
          <Link href="/signup">Create an account</Link>
        </div>
      </form>
      {providers.length > 0 && (
        <div className="stack" style={{ marginTop: "1.25rem" }}>
          <p className="divider">or</p>
          {providers.map((p) => (
            // A full navigation, not a client-side one: the API answers with a redirect to the provider.
            <a
              key={p.id}
              className="button button--secondary button--block"
              href={`/auth/oauth/${encodeURIComponent(p.id)}/start?redirectTo=${encodeURIComponent(returnTo)}`}
            >
              Continue with {p.name}
            </a>
          ))}
        </div>
      )}
    </Card>
  );
}
