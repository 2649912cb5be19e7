import { randomInt } from "node:crypto";
import { connect } from "node:net";
import type { TunnelTarget } from "./address.ts";
import { frontendMessage } from "./wire-messages.ts";

/**
 * The BackendKeyData a pooled client gets stands for the backend it holds right now, not for the
 * backend itself: once the client is gone its key cancels nothing, so a late CancelRequest can
 * never interrupt the query of the next client served by the same backend.
 */
export class CancelKeys {
  private nextPid = 1;
  private readonly issued = new Map<
    number,
    { secret: number; target: TunnelTarget; pid: number; key: number }
  >();

  /** A key for one client's hold on backend `pid`/`key`; `revoke` when the hold ends. */
  issue(target: TunnelTarget, pid: number, key: number): { pid: number; secret: number; revoke(): void } {
    const ours = this.nextPid;
    this.nextPid = this.nextPid >= 0x7fff_fffe ? 1 : this.nextPid + 1;
    const secret = randomInt(0x7fff_ffff);
    this.issued.set(ours, { secret, target, pid, key });
    return { pid: ours, secret, revoke: () => this.issued.delete(ours) };
  }

  /** Passes a CancelRequest on to the backend the key stands for; false when it stands for none. */
  forward(pid: number, secret: number, log: (line: string) => void): boolean {
    const hold = this.issued.get(pid);
    if (!hold || hold.secret !== secret) return false;
    sendCancel(hold.target, hold.pid, hold.key, log);
    return true;
  }
}

/** A CancelRequest on its own connection, as Postgres expects it. */
export function sendCancel(
  target: TunnelTarget,
  pid: number,
  key: number,
  log: (line: string) => void,
): void {
  const tcp = connect({ host: target.host, port: target.port });
  tcp.once("connect", () => tcp.end(frontendMessage.cancelRequest(pid, key)));
  tcp.once("error", (err) => log(`cancel request to ${target.key} failed: ${err.message}`));
}
