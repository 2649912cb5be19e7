import type { ReactNode } from "react";
import "@/components/messages/messages.css";

// Conversations are private to the signed-in member; never serve them from a cache.
export const dynamic = "force-dynamic";

export default function MessagesLayout({ children }: { children: ReactNode }) {
  return <div className="page messages-page">{children}</div>;
}
