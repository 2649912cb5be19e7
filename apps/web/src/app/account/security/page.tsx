import type { Metadata } from "next";
import { requireUser } from "@/lib/session.ts";
import { ApiKeysCard } from "./api-keys-card.tsx";
import { PasswordCard } from "./password-card.tsx";
import { SessionsCard } from "./sessions-card.tsx";
import { TwoFactorCard } from "./two-factor-card.tsx";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await requireUser("/account/security");
  return (
    <>
      <header className="page-header">
        <h1>Security</h1>
        <p>Your password, two-step verification, where you are signed in, and keys for partner apps.</p>
      </header>
      <TwoFactorCard />
      <SessionsCard />
      <PasswordCard />
      <ApiKeysCard />
    </>
  );
}
