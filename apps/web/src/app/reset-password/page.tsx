import type { Metadata } from "next";
import { ResetPasswordForm } from "./reset-password-form.tsx";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <div className="page page--narrow">
      <ResetPasswordForm token={token ?? null} />
    </div>
  );
}
