import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/session.ts";
import { OpsDashboard } from "./ops-dashboard.tsx";
import "./ops.css";

export const metadata: Metadata = { title: "Operations" };

/** Live edge traffic and the event pipeline, for admins; everyone else gets the same 404 as a wrong URL. */
export default async function OpsPage() {
  const user = await requireUser("/admin/ops");
  if (!user.roles.isAdmin) notFound();
  return (
    <div className="page page--wide stack">
      <header className="page-header">
        <h1>Operations</h1>
        <p>Edge calls by region, colo and procedure, from the minute rollups; refreshed every 15 seconds.</p>
      </header>
      <OpsDashboard />
    </div>
  );
}
