import type { ReactNode } from "react";
import "./host.css";

// Host pages depend on the visitor's cookies; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function HostLayout({ children }: { children: ReactNode }) {
  return children;
}
