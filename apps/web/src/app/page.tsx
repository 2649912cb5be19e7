import { SearchForm } from "@/components/search/search-form.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { getSessionUser } from "@/lib/session.ts";

export default async function HomePage() {
  const user = await getSessionUser().catch(() => null);
  return (
    <div className="page stack">
      <header className="page-header">
        <h1>{user ? `Welcome back, ${user.displayName}` : "Homes for every trip"}</h1>
        <p>
          {user
            ? "Manage your profile and security, or start hosting your own place."
            : "Stay in homes hosted by people who know the place. Or share your own."}
        </p>
        <div className="row">
          {user ? (
            <>
              <ButtonLink href="/account">Your account</ButtonLink>
              {!user.roles.isHost && (
                <ButtonLink href="/become-host" variant="secondary">
                  Become a host
                </ButtonLink>
              )}
            </>
          ) : (
            <>
              <ButtonLink href="/signup">Create an account</ButtonLink>
              <ButtonLink href="/login" variant="secondary">
                Log in
              </ButtonLink>
            </>
          )}
        </div>
      </header>
      <SearchForm layout="hero" trip={{ place: null, checkIn: null, checkOut: null, guests: null }} />
      <div className="stack" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))" }}>
        <Card title="Stay" headingLevel={3}>
          <p className="muted">Search homes by place and dates, book, and pay securely.</p>
        </Card>
        <Card title="Host" headingLevel={3}>
          <p className="muted">List your home, set its calendar and prices, and chat with guests.</p>
        </Card>
        <Card title="Stay safe" headingLevel={3}>
          <p className="muted">Verified emails, two-factor sign-in, and sessions you can revoke anywhere.</p>
        </Card>
      </div>
    </div>
  );
}
