"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TwoFactorStep } from "../two-factor-step.tsx";

export function OAuthTwoFactor({ challengeToken, returnTo }: { challengeToken: string; returnTo: string }) {
  const router = useRouter();
  // The challenge is a credential for five minutes: keep it out of history and shared links.
  useEffect(() => {
    window.history.replaceState(null, "", "/login/two-factor");
  }, []);
  return (
    <TwoFactorStep
      challengeToken={challengeToken}
      onSignedIn={() => {
        router.replace(returnTo);
        router.refresh();
      }}
      onRestart={() => router.replace("/login")}
    />
  );
}
