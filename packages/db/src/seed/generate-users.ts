import type { NewCredential, NewHostProfile, NewNotification, NewUser } from "../schema/index.ts";
import { firstNames, lastNames } from "./content.ts";
import { at } from "./dates.ts";
import type { Rng } from "./prng.ts";

/**
 * Demo accounts exist in every seeded database. Their password hash is a placeholder that no
 * password verifier accepts, so they cannot sign in until the auth work sets real hashes.
 */
export const demoAccounts = {
  host: { email: "host@hometrip.test", displayName: "Marta Demo-Host" },
  guest: { email: "guest@hometrip.test", displayName: "Leo Demo-Guest" },
  admin: { email: "admin@hometrip.test", displayName: "Ada Demo-Admin" },
} as const;
export const PLACEHOLDER_PASSWORD_HASH = "!placeholder:login-disabled-until-auth";

export interface SeededUsers {
  users: NewUser[];
  credentials: NewCredential[];
  hostProfiles: NewHostProfile[];
  notifications: NewNotification[];
  hostIds: string[];
  guestIds: string[];
  demoHostId: string;
  demoGuestId: string;
}

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

export function generateUsers(
  rng: Rng,
  today: number,
  counts: { hosts: number; guests: number },
): SeededUsers {
  const out: SeededUsers = {
    users: [],
    credentials: [],
    hostProfiles: [],
    notifications: [],
    hostIds: [],
    guestIds: [],
    demoHostId: "",
    demoGuestId: "",
  };
  const person = (email: string, displayName: string, role: "member" | "admin" = "member"): string => {
    const id = rng.uuid();
    const created = at(today - rng.int(30, 2000), rng.int(0, 1439));
    out.users.push({
      id,
      email,
      displayName,
      role,
      locale: rng.pick(["en", "en", "pt", "es", "fr", "ja"]),
      emailVerifiedAt: created,
      createdAt: created,
      updatedAt: created,
    });
    return id;
  };
  const demoLogin = (userId: string) => {
    const created = at(today - 400, 600);
    out.credentials.push({
      id: rng.uuid(),
      userId,
      kind: "password",
      passwordHash: PLACEHOLDER_PASSWORD_HASH,
      createdAt: created,
      updatedAt: created,
    });
  };
  const hostProfile = (userId: string, superhost: boolean) => {
    const created = at(today - rng.int(100, 1500), 0);
    out.hostProfiles.push({
      userId,
      bio: "Local host who loves recommending the neighbourhood's best coffee.",
      languages: rng.sample(["en", "pt", "es", "fr", "ja", "de", "zu", "af"], rng.int(1, 3)),
      superhost,
      payoutsEnabled: true,
      createdAt: created,
      updatedAt: created,
    });
  };

  out.demoHostId = person(demoAccounts.host.email, demoAccounts.host.displayName);
  out.demoGuestId = person(demoAccounts.guest.email, demoAccounts.guest.displayName);
  const adminId = person(demoAccounts.admin.email, demoAccounts.admin.displayName, "admin");
  for (const id of [out.demoHostId, out.demoGuestId, adminId]) demoLogin(id);
  hostProfile(out.demoHostId, true);
  out.hostIds.push(out.demoHostId);
  out.guestIds.push(out.demoGuestId);

  const named = (index: number) => {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    return { email: `${ascii(first)}.${ascii(last)}.${index}@example.com`, displayName: `${first} ${last}` };
  };
  for (let i = 1; i < counts.hosts; i++) {
    const { email, displayName } = named(i);
    const id = person(email, displayName);
    hostProfile(id, rng.chance(0.2));
    out.hostIds.push(id);
  }
  for (let i = 1; i < counts.guests; i++) {
    const { email, displayName } = named(counts.hosts + i);
    out.guestIds.push(person(email, displayName));
  }

  out.notifications.push(
    {
      id: rng.uuid(),
      userId: out.demoGuestId,
      type: "account.welcome",
      title: "Welcome to HomeTrip",
      body: "Find a place to stay in eight cities.",
      createdAt: at(today - 2, 540),
    },
    {
      id: rng.uuid(),
      userId: out.demoHostId,
      type: "account.welcome",
      title: "Welcome, host",
      body: "Your listings and calendar are ready.",
      createdAt: at(today - 2, 540),
    },
  );
  return out;
}
