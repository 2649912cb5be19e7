import { createScratchDatabase, type ScratchDatabase } from "@hometrip/db/scratch";

export type TestDatabase = ScratchDatabase;

/** A fresh, migrated database per test file; `drop()` removes it. */
export function createTestDatabase(opts: { prefix?: string } = {}): Promise<TestDatabase> {
  return createScratchDatabase({ prefix: opts.prefix, migrated: true });
}
