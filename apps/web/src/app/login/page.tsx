import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/forms.ts";
import { oauthErrorMessage } from "@/lib/oauth-errors.ts";
import { getSessionUser, serverApi } from "@/lib/session.ts";
import { LogInForm } from "./log-in-form.tsx";

export const metadata: Metadata = { title: "Log in" };

type OAuthProvider = { id: string; name: string };

async function oauthProviders(): Promise<OAuthProvider[]> {
  try {
    return await (await serverApi()).auth.oauthProviders.query();
  } catch {
    // No OAuth configured (or the API is briefly away): password sign-in still works.
    return [];
  }
}

export default async function LogInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.next);
  if (await getSessionUser().catch(() => null)) redirect(returnTo);
  return (
    <div className="page page--narrow">
      <LogInForm
        returnTo={returnTo}
        providers={await oauthProviders()}
        notice={oauthErrorMessage(params.error)}
      />
    </div>
  );
}
