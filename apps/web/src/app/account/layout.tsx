import type { ReactNode } from "react";

// Account pages depend on the visitor's cookies; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <div className="page stack">{children}</div>;
}
