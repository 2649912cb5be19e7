import type { SessionUser } from "@/lib/session.ts";
import { NotificationBell } from "../notifications/notification-bell.tsx";
import { ButtonLink } from "../ui/button.tsx";
import { Nav, type NavItem } from "../ui/nav.tsx";
import { LogOutButton } from "./log-out-button.tsx";

/** The app's navigation for a visitor or a signed-in member (host links once they host). */
export function SiteNav({ user, devTools }: { user: SessionUser | null; devTools: boolean }) {
  const items: NavItem[] = [
    { href: "/", label: "Home" },
    { href: "/search", label: "Search" },
  ];
  if (user) {
    items.push({ href: "/trips", label: "Trips" }, { href: "/messages", label: "Inbox" });
    if (user.roles.isHost) {
      items.push(
        { href: "/host/listings", label: "Host" },
        { href: "/host/reservations", label: "Reservations" },
      );
    } else items.push({ href: "/become-host", label: "Become a host" });
    items.push({ href: "/account", label: "Account" }, { href: "/account/security", label: "Security" });
  }
  if (devTools)
    items.push({ href: "/dev/mailbox", label: "Dev mailbox" }, { href: "/dev/sms", label: "Dev SMS" });
  return (
    <Nav
      items={items}
      end={
        user ? (
          <>
            <NotificationBell userId={user.id} />
            <span className="muted" data-testid="signed-in-as">
              {user.displayName}
            </span>
            <LogOutButton />
          </>
        ) : (
          <>
            <ButtonLink href="/login" variant="ghost" size="small">
              Log in
            </ButtonLink>
            <ButtonLink href="/signup" size="small">
              Sign up
            </ButtonLink>
          </>
        )
      }
    />
  );
}
