import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { webEnv } from "@/lib/env.ts";

export const dynamic = "force-dynamic";

/** Developer tools exist only outside production (or with HOMETRIP_DEV_TOOLS=1). */
export default function DevLayout({ children }: { children: ReactNode }) {
  if (!webEnv().devTools) notFound();
  return <div className="page stack">{children}</div>;
}
