import type { ReactNode } from "react";
import "@/components/booking/booking.css";
// The price lines share the listing page's quote styles.
import "@/components/listing/listing.css";

// Trips depend on the visitor's cookies; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function TripsLayout({ children }: { children: ReactNode }) {
  return <div className="page stack">{children}</div>;
}
