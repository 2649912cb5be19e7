"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage, formErrorsFrom } from "@/lib/api-errors.ts";
import { formValues } from "@/lib/forms.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

export function TwoFactorEnrolment({
  onConfirmed,
  onCancel,
}: {
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const begin = useMutation(trpc.auth.twoFactor.beginEnrolment.mutationOptions());
  const confirm = useMutation(
    trpc.auth.twoFactor.confirmEnrolment.mutationOptions({
      onSuccess: (result) => {
        void queryClient.invalidateQueries({ queryKey: trpc.auth.twoFactor.status.queryKey() });
        onConfirmed(result.recoveryCodes);
      },
    }),
  );
  const started = useRef(false);
  useEffect(() => {
    // A new secret per begin; asking twice would replace the one the user is scanning.
    if (started.current) return;
    started.current = true;
    begin.mutate();
  }, [begin]);
  const errors = formErrorsFrom(confirm.error, { code: "Code" });

  if (begin.isError) {
    return (
      <div className="stack">
        <Alert tone="error">{errorMessage(begin.error)}</Alert>
        <div className="row">
          <Button onClick={() => begin.mutate()}>Try again</Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    );
  }
  if (!begin.data) return <LoadingBlock label="Preparing your secret…" />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { code } = formValues(event.currentTarget, ["code"]);
    confirm.mutate({ code: code.replace(/\s+/g, "") });
  }

  const { qrSvg, secret, otpauthUri } = begin.data;
  return (
    <div className="stack">
      <ol className="stack" style={{ paddingLeft: "1.25rem", margin: 0 }}>
        <li>Scan this QR code with your authenticator app (1Password, Google Authenticator, Aegis…).</li>
        <li>Enter the 6-digit code it shows to confirm.</li>
      </ol>
      <div className="row" style={{ alignItems: "flex-start" }}>
        {/* An <img> of the API's SVG: shown as a picture, never run as markup in our page. */}
        {/* biome-ignore lint/performance/noImgElement: a data URI, nothing for next/image to optimise. */}
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
          alt="QR code for your authenticator app"
          width={180}
          height={180}
          style={{ background: "#fff", border: "1px solid var(--border)", borderRadius: 8, padding: 8 }}
        />
        <div className="stack" style={{ flex: 1, minWidth: 220 }}>
          <p className="muted" style={{ margin: 0 }}>
            Cannot scan? Enter this key in your app instead:
          </p>
          <code className="secret" data-testid="totp-secret">
            {secret}
          </code>
          <a href={otpauthUri} className="muted" style={{ fontSize: "0.875rem" }}>
            Open in an authenticator app on this device
          </a>
        </div>
      </div>
      <form method="post" className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <TextField
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          required
          error={errors.fields.code}
        />
        <div className="row">
          <Button type="submit" pending={confirm.isPending}>
            Turn on
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
