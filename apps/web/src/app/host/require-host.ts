import { redirect } from "next/navigation";
import { requireUser, type SessionUser } from "@/lib/session.ts";

/** For host pages: logged-out visitors go to /login (and come back), members who do not host yet to /become-host. */
export async function requireHost(returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.roles.isHost) redirect(`/become-host?next=${encodeURIComponent(returnTo)}`);
  return user;
}
