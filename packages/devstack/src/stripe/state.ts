import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface StripeObject {
  id: string;
  object: string;
  created: number;
  [field: string]: unknown;
}

/** Who an object belongs to: the platform, or a connected account (`Stripe-Account`). */
export type Owner = "platform" | `acct_${string}`;

interface Stored {
  owner: Owner;
  seq: number;
  data: StripeObject;
  /** What the stand-in knows and Stripe would never show (a test card's full number). */
  hidden?: Record<string, string>;
}

export interface IdempotentReply {
  fingerprint: string;
  status: number;
  body: unknown;
  at: number;
}

export interface PendingDelivery {
  eventId: string;
  attempt: number;
  notBefore: number;
}

/** A one-time page link: onboarding, Express dashboard login, 3-D Secure challenge. */
export interface PageToken {
  kind: "onboarding" | "dashboard" | "authenticate";
  target: string;
  returnUrl?: string;
  refreshUrl?: string;
  expiresAt: number;
}

interface Snapshot {
  seq: number;
  objects: Record<string, Stored>;
  idempotency: Record<string, IdempotentReply>;
  deliveries: Record<string, PendingDelivery>;
  tokens: Record<string, PageToken>;
}

const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** Everything the stand-in knows, in memory, written through to `dir/state.json` when given. */
export class StripeState {
  private constructor(
    private snapshot: Snapshot,
    private readonly file: string | undefined,
  ) {}

  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  static async open(dir: string | undefined): Promise<StripeState> {
    const empty: Snapshot = { seq: 0, objects: {}, idempotency: {}, deliveries: {}, tokens: {} };
    if (!dir) return new StripeState(empty, undefined);
    await mkdir(dir, { recursive: true });
    const file = join(dir, "state.json");
    const text = await readFile(file, "utf8").catch(() => undefined);
    return new StripeState(text ? { ...empty, ...(JSON.parse(text) as Snapshot) } : empty, file);
  }

  get<T extends StripeObject>(id: string, owner?: Owner): T | undefined {
    const stored = this.snapshot.objects[id];
    if (!stored || (owner && stored.owner !== owner)) return undefined;
    return stored.data as T;
  }

  ownerOf(id: string): Owner | undefined {
    return this.snapshot.objects[id]?.owner;
  }

  hidden(id: string): Record<string, string> {
    return this.snapshot.objects[id]?.hidden ?? {};
  }

  put<T extends StripeObject>(owner: Owner, data: T, hidden?: Record<string, string>): T {
    const existing = this.snapshot.objects[data.id];
    this.snapshot.objects[data.id] = {
      owner: existing?.owner ?? owner,
      seq: existing?.seq ?? ++this.snapshot.seq,
      data,
      hidden: hidden ?? existing?.hidden,
    };
    this.changed();
    return data;
  }

  /** Objects of one type, newest first (Stripe's list order). */
  all<T extends StripeObject>(object: string, owner?: Owner): T[] {
    return Object.values(this.snapshot.objects)
      .filter((s) => s.data.object === object && (!owner || s.owner === owner))
      .sort((a, b) => b.seq - a.seq)
      .map((s) => s.data as T);
  }

  idempotent(key: string): IdempotentReply | undefined {
    const reply = this.snapshot.idempotency[key];
    return reply && Date.now() - reply.at < IDEMPOTENCY_TTL_MS ? reply : undefined;
  }

  remember(key: string, reply: IdempotentReply): void {
    this.snapshot.idempotency[key] = reply;
    this.changed();
  }

  get deliveries(): Record<string, PendingDelivery> {
    return this.snapshot.deliveries;
  }

  get tokens(): Record<string, PageToken> {
    return this.snapshot.tokens;
  }

  /** Marks state changed outside put() (deliveries, tokens); the next flush writes it. */
  changed(): void {
    this.dirty = true;
    if (!this.file) return;
    const file = this.file;
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.prune();
      // Write-then-rename: a crash mid-write leaves the previous state, never half a file.
      const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, JSON.stringify(this.snapshot));
      await rename(tmp, file);
    });
  }

  flush(): Promise<void> {
    return this.writing;
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, reply] of Object.entries(this.snapshot.idempotency)) {
      if (now - reply.at >= IDEMPOTENCY_TTL_MS) delete this.snapshot.idempotency[key];
    }
    for (const [key, token] of Object.entries(this.snapshot.tokens)) {
      if (token.expiresAt < now) delete this.snapshot.tokens[key];
    }
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
