import type { ReactNode } from "react";
import "@/components/booking/booking.css";

// Trips depend on the visitor's cookies; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function TripsLayout({ children }: { children: ReactNode }) {
  return <div className="page stack">{children}</div>;
}
