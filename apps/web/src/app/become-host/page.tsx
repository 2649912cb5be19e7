import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { safeReturnPath } from "@/lib/forms.ts";
import { requireUser } from "@/lib/session.ts";
import { BecomeHostButton } from "./become-host-button.tsx";

export const metadata: Metadata = { title: "Become a host" };
export const dynamic = "force-dynamic";

export default async function BecomeHostPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Host pages send members here with ?next= (say, the editor link they followed); once they host,
  // the way on leads back there, else to their listings.
  const { next } = await searchParams;
  const onward = safeReturnPath(next, "/host/listings");
  const user = await requireUser(next ? `/become-host?next=${encodeURIComponent(onward)}` : "/become-host");
  return (
    <div className="page page--narrow">
      <Card title="Host on HomeTrip" headingLevel={1}>
        {user.roles.isHost ? (
          <div className="stack">
            <p>
              You are a host. Create a listing, set its prices and calendar, and publish it when it is ready.
            </p>
            <div>
              <ButtonLink href={onward}>
                {onward === "/host/listings" ? "Go to your listings" : "Continue"}
              </ButtonLink>
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
