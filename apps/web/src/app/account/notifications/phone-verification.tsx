"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { errorMessage, formErrorsFrom } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/**
 * Proving the saved number: texts go only to a verified one, since anyone could type a stranger's.
 * "Send code" texts a 6-digit code to the saved number; the member types it back.
 */
export function PhoneVerification({ phone, verified }: { phone: string; verified: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sendCode = useMutation(trpc.notifications.sendPhoneCode.mutationOptions());
  const verify = useMutation(
    trpc.notifications.verifyPhone.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.notifications.getPreferences.queryKey() }),
    }),
  );

  if (verified) {
    return (
      <div className="phone-check" data-testid="phone-verification">
        <p>
          <strong className="phone-check__verified">Verified</strong> Texts go to {phone}.
        </p>
      </div>
    );
  }

  function onVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    verify.mutate({ code });
  }

  const errors = formErrorsFrom(verify.error, { code: "Code" });
  return (
    <div className="phone-check stack" data-testid="phone-verification">
      <p>
        <strong>Not verified.</strong> We send no texts to {phone} until you confirm it with a code we text
        there.
      </p>
      <div>
        <Button
          type="button"
          variant="secondary"
          pending={sendCode.isPending}
          onClick={() => {
            verify.reset();
            sendCode.mutate();
          }}
        >
          {sendCode.isSuccess ? "Send a new code" : "Send code"}
        </Button>
      </div>
      {sendCode.isError && <Alert tone="error">{errorMessage(sendCode.error)}</Alert>}
      {sendCode.isSuccess && (
        <Alert tone="info">
          Code sent to {sendCode.data.phone}. It expires in {sendCode.data.expiresInMinutes} minutes.
        </Alert>
      )}
      <form className="phone-check__form" onSubmit={onVerify} noValidate>
        <TextField
          label="Code from the text"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          placeholder="123456"
          className="phone-check__code"
          error={errors.fields.code}
        />
        <Button type="submit" pending={verify.isPending}>
          Verify
        </Button>
      </form>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
    </div>
  );
}
