import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/session.ts";
import { SignUpForm } from "./sign-up-form.tsx";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await getSessionUser().catch(() => null)) redirect("/account");
  return (
    <div className="page page--narrow">
      <SignUpForm />
    </div>
  );
}
