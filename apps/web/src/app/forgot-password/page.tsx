import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form.tsx";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="page page--narrow">
      <ForgotPasswordForm />
    </div>
  );
}
