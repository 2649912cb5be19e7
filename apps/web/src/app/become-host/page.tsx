import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { requireUser } from "@/lib/session.ts";
import { BecomeHostButton } from "./become-host-button.tsx";

export const metadata: Metadata = { title: "Become a host" };
export const dynamic = "force-dynamic";

export default async function BecomeHostPage() {
  const user = await requireUser("/become-host");
  return (
    <div className="page page--narrow">
      <Card title="Host on HomeTrip" headingLevel={1}>
        {user.roles.isHost ? (
          <div className="stack">
            <p>You are a host. Listing tools and payouts arrive here soon.</p>
            <div>
              <ButtonLink href="/account">Back to your account</ButtonLink>
            </div>
          </div>
        ) : (
          <div className="stack">
            <p>Share your home with travellers and earn from the nights it would sit empty.</p>
            <ul className="muted" style={{ margin: 0, paddingLeft: "1.25rem" }}>
              <li>You decide when your home is available and at what price.</li>
              <li>Chat with guests before and during their stay.</li>
              <li>Payout setup comes next, once your first listing is ready.</li>
            </ul>
            <BecomeHostButton />
          </div>
        )}
      </Card>
    </div>
  );
}
