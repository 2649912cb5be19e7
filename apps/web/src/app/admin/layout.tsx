import type { ReactNode } from "react";

// Admin pages depend on who is signed in and show live figures; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return children;
}
