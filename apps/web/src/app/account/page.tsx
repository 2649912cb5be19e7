import type { Metadata } from "next";
import { requireUser } from "@/lib/session.ts";
import { AvatarCard } from "./avatar-card.tsx";
import { EmailCard } from "./email-card.tsx";
import { ProfileForm } from "./profile-form.tsx";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <>
      <header className="page-header">
        <h1>Your account</h1>
        <p>What other members see about you, and how we reach you.</p>
      </header>
      <EmailCard email={user.email} verified={user.emailVerified} />
      <AvatarCard displayName={user.displayName} avatarUrl={user.avatarUrl} />
      <ProfileForm user={user} />
    </>
  );
}
