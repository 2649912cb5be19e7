import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/forms.ts";
import { OAuthTwoFactor } from "./oauth-two-factor.tsx";

export const metadata: Metadata = { title: "Two-step verification" };

/** Where an OAuth sign-in lands when the account has two-step verification on. */
export default async function OAuthTwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ challenge?: string; redirectTo?: string }>;
}) {
  const { challenge, redirectTo } = await searchParams;
  if (!challenge) redirect("/login");
  return (
    <div className="page page--narrow">
      <OAuthTwoFactor challengeToken={challenge} returnTo={safeReturnPath(redirectTo)} />
    </div>
  );
}
