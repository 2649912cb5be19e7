import type { Redis } from "ioredis";

const MAX_IDLE = 4;

/**
 * A small pool of extra connections, one per in-flight transaction, so MULTI…EXEC never shares a
 * socket with other requests. A connection that failed mid-transaction is dropped, not reused, since
 * it may still be inside MULTI.
 */
export class TransactionConnections {
  private readonly idle: Redis[] = [];
  private readonly all = new Set<Redis>();
  private closed = false;

  constructor(
    private readonly template: Redis,
    private readonly log: (line: string) => void,
  ) {}

  async use<T>(work: (connection: Redis) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await this.open());
    let healthy = false;
    try {
      const result = await work(connection);
      healthy = true;
      return result;
    } finally {
      if (healthy && !this.closed && this.idle.length < MAX_IDLE) this.idle.push(connection);
      else this.drop(connection);
    }
  }

  close(): void {
    this.closed = true;
    this.idle.length = 0;
    for (const connection of [...this.all]) this.drop(connection);
  }

  private async open(): Promise<Redis> {
    if (this.closed) throw new Error("Redis bridge is closed");
    const connection = this.template.duplicate({ lazyConnect: true });
    connection.on("error", (error: Error) => this.log(`transaction connection: ${error.message}`));
    this.all.add(connection);
    try {
      await connection.connect();
    } catch (error) {
      this.drop(connection);
      throw error;
    }
    return connection;
  }

  private drop(connection: Redis): void {
    this.all.delete(connection);
    connection.disconnect();
  }
}
