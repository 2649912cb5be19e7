import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "@/components/site/site-nav.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { webEnv } from "@/lib/env.ts";
import { getSessionUser, type SessionUser } from "@/lib/session.ts";
import { ApiProvider } from "@/lib/trpc/provider.tsx";
import "./globals.css";
import "./ui.css";

export const metadata: Metadata = {
  title: { default: "HomeTrip", template: "%s · HomeTrip" },
  description: "Find and host homes for your next trip.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { devTools } = webEnv();
  // The shell still renders when the API is down; pages that need it show their own error.
  let user: SessionUser | null = null;
  let apiDown = false;
  try {
    user = await getSessionUser();
  } catch {
    apiDown = true;
  }
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <ApiProvider>
          <SiteNav user={user} devTools={devTools} />
          {apiDown && (
            <div className="page" style={{ paddingBottom: 0 }}>
              <Alert tone="warning" title="HomeTrip is having trouble">
                We could not reach our servers. Some pages may not work until they are back.
              </Alert>
            </div>
          )}
          <main id="main">{children}</main>
        </ApiProvider>
      </body>
    </html>
  );
}
