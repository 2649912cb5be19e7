"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { apiErrorCode, errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";

/**
 * Verifies in the browser rather than on the server render: link scanners in mail clients fetch
 * links without running scripts, so they cannot spend the single-use token. A signed-out visitor
 * comes back signed in (the API sets the session cookies), so a new member goes straight on.
 */
export function VerifyEmail({ token, signedIn }: { token: string | null; signedIn: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
        // The navigation bar is rendered on the server: let it see the new session.
        router.refresh();
      },
    }),
  );
  const sent = useRef(false);

  useEffect(() => {
    // Once per page, even when React runs effects twice in development.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  let body: React.ReactNode;
  if (!token) {
    body = <Alert tone="error">This link is missing its token. Open the link from the email again.</Alert>;
  } else if (verify.isSuccess) {
    const nowSignedIn = signedIn || verify.data.signedIn;
    body = (
      <div className="stack">
        <Alert tone="success" title="Email verified">
          {nowSignedIn
            ? "Thanks! Your email address is confirmed and you are signed in."
            : "Thanks! Your email address is confirmed. Log in to continue."}
        </Alert>
        <div className="row">
          {nowSignedIn ? (
            <>
              <ButtonLink href="/search">Find a home</ButtonLink>
              <ButtonLink href="/account" variant="secondary">
                Go to your account
              </ButtonLink>
            </>
          ) : (
            <ButtonLink href="/login">Log in</ButtonLink>
          )}
        </div>
      </div>
    );
  } else if (verify.isError) {
    const spent = apiErrorCode(verify.error) === "BAD_REQUEST";
    body = (
      <div className="stack">
        <Alert
          tone="error"
          title={spent ? "This link has already been used or has expired" : "We could not verify your email"}
        >
          {spent
            ? "If you confirmed your email with it before, you are all set."
            : errorMessage(verify.error)}
        </Alert>
        <p className="muted">
          {signedIn
            ? "If your email still shows as unconfirmed, ask for a new link from your account page."
            : "Log in to continue; if your email still needs confirming, you can ask for a new link there."}
        </p>
        <div className="row">
          <ButtonLink href={signedIn ? "/account" : "/login"} variant="secondary">
            {signedIn ? "Go to your account" : "Log in"}
          </ButtonLink>
        </div>
      </div>
    );
  } else {
    body = <LoadingBlock label="Verifying your email…" />;
  }
  return (
    <Card title="Verify your email" headingLevel={1}>
      {body}
    </Card>
  );
}
