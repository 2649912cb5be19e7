"use client";
import { Alert } from "@/components/ui/alert.tsx";
import { Button, ButtonLink } from "@/components/ui/button.tsx";

/** Anything a page throws while rendering lands here; the digest ties it to the server log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="page page--narrow stack">
      <h1>Something went wrong</h1>
      <Alert tone="error">
        <p>This page could not be shown. Please try again in a moment.</p>
        {error.digest && <p className="muted mono">Reference: {error.digest}</p>}
      </Alert>
      <div className="row">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </div>
  );
}
