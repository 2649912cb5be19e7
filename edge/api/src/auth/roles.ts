import { AppError } from "@hometrip/contracts";
import { hasHostProfile, isActiveAdmin } from "@hometrip/core";
import type { Database } from "@hometrip/db";
import type { Actor } from "./actor.ts";

/** The token's host flag may predate "become a host"; the database settles a negative. */
export async function assertHost<A extends Actor>(db: Database, actor: A): Promise<A> {
  if (actor.isHost) return actor;
  if (!(await hasHostProfile(db, actor.userId))) throw new AppError("FORBIDDEN", "Only hosts can do this");
  return { ...actor, isHost: true };
}

export async function assertAdmin(db: Database, actor: Actor): Promise<void> {
  if (!(await isActiveAdmin(db, actor.userId))) throw new AppError("FORBIDDEN", "Only admins can do this");
}
