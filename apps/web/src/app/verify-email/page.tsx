import type { Metadata } from "next";
import { getSessionUser } from "@/lib/session.ts";
import { VerifyEmail } from "./verify-email.tsx";

export const metadata: Metadata = { title: "Verify email" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const [{ token }, user] = await Promise.all([searchParams, getSessionUser().catch(() => null)]);
  return (
    <div className="page page--narrow">
      <VerifyEmail token={token ?? null} signedIn={user !== null} />
    </div>
  );
}
