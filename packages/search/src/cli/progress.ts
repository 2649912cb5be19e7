/**
 * A one-line progress bar on a terminal, plain periodic lines otherwise (CI logs). Tools only.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastLine = 0;
  let lastPercent = -1;
  return {
    update(done: number, total: number, note = "") {
      const ratio = total <= 0 ? 1 : Math.min(1, done / total);
      const percent = Math.floor(ratio * 100);
      const filled = Math.round(ratio * 30);
      const line = `${label.padEnd(12)} [${"#".repeat(filled)}${"-".repeat(30 - filled)}] ${String(percent).padStart(3)}% ${done}/${total} ${note}`;
      if (tty) stream.write(`\r${line}\x1b[K`);
      else if (percent !== lastPercent && (Date.now() - lastLine > 2000 || done >= total)) {
        stream.write(`${line}\n`);
        lastLine = Date.now();
      }
      lastPercent = percent;
    },
    done(message?: string) {
      if (tty) stream.write("\n");
      if (message) stream.write(`${message}\n`);
    },
  };
}
