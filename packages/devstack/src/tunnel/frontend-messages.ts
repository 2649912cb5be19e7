/**
 * Follows the client→server half of a Postgres wire-protocol stream just closely enough to
 * notice the Terminate message ('X'). The bytes themselves are forwarded untouched; this only
 * counts message boundaries, because a WebSocket frame may hold part of a message, one
 * message, or several.
 *
 * Why the tunnel cares: after Terminate a real Postgres closes its socket, but PGlite's socket
 * server keeps it open, and PGlite serves a single connection, so a pool's "closed" connection
 * would hold the only slot forever. The tunnel therefore closes both ends itself.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'
const TLS_HANDSHAKE = 0x16;

type Phase =
  /** Before the StartupMessage: messages have a length but no type byte. */
  | "startup"
  /** Typed messages: 1 type byte + Int32 length (which counts itself, not the type byte). */
  | "typed"
  /** After an SSLRequest the server may switch to TLS; encrypted bytes cannot be followed. */
  | "opaque";

export class FrontendMessageTracker {
  private phase: Phase = "startup";
  private header = Buffer.alloc(0);
  private remaining = 0;
  private finished = false;

  /**
   * Feeds the next chunk sent by the client. Returns true once the client has sent its last
   * message: a Terminate, or a CancelRequest (which travels alone on its own connection).
   */
  push(chunk: Buffer): boolean {
    let offset = 0;
    while (offset < chunk.length && this.phase !== "opaque" && !this.finished) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - offset);
        this.remaining -= skip;
        offset += skip;
        continue;
      }
      offset = this.readHeader(chunk, offset);
    }
    return this.finished;
  }

  private readHeader(chunk: Buffer, offset: number): number {
    // TLS ClientHello right after an SSLRequest: nothing more we can read.
    if (this.phase === "startup" && this.header.length === 0 && chunk[offset] === TLS_HANDSHAKE) {
      this.phase = "opaque";
      return chunk.length;
    }
    const headerSize = this.phase === "startup" ? 8 : 5;
    const take = Math.min(headerSize - this.header.length, chunk.length - offset);
    this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
    if (this.header.length < headerSize) return offset + take;

    const header = this.header;
    this.header = Buffer.alloc(0);
    if (this.phase === "startup") {
      const length = header.readInt32BE(0);
      const code = header.readInt32BE(4);
      this.remaining = Math.max(0, length - 8);
      // SSL/GSS negotiation is followed by another startup-phase message; anything else
      // (StartupMessage, CancelRequest) ends the startup phase.
      if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.phase = "typed";
      if (code === CANCEL_REQUEST) this.finished = true;
    } else {
      if (header[0] === TERMINATE) this.finished = true;
      this.remaining = Math.max(0, header.readInt32BE(1) - 4);
    }
    return offset + take;
  }
}
