"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { useSession } from "@/lib/use-session.ts";

/**
 * Verifies in the browser rather than on the server render: link scanners in mail clients fetch
 * links without running scripts, so they cannot spend the single-use token.
 */
export function VerifyEmail({ token }: { token: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.me.queryKey() });
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
    body = (
      <div className="stack">
        <Alert tone="success" title="Email verified">
          Thanks! Your email address is confirmed.
        </Alert>
        <div className="row">
          {session.status === "signed-in" ? (
            <ButtonLink href="/account">Go to your account</ButtonLink>
          ) : (
            <ButtonLink href="/login">Log in</ButtonLink>
          )}
        </div>
      </div>
    );
  } else if (verify.isError) {
    body = (
      <div className="stack">
        <Alert tone="error" title="We could not verify your email">
          {errorMessage(verify.error)} The link may have expired or been used already.
        </Alert>
        <p className="muted">Log in and ask for a new link from your account page.</p>
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
