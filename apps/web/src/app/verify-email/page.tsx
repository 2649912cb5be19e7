import type { Metadata } from "next";
import { VerifyEmail } from "./verify-email.tsx";

export const metadata: Metadata = { title: "Verify email" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <div className="page page--narrow">
      <VerifyEmail token={token ?? null} />
    </div>
  );
}
