const colors = [36, 35, 33, 32, 34, 91, 96, 95];
const width = 9;

export type Log = (line: string) => void;

/** A logger that prefixes every line with a padded, coloured service name (colour only on a TTY). */
export function prefixedLog(name: string, index: number, stream: NodeJS.WriteStream = process.stdout): Log {
  const label = name.padEnd(width).slice(0, width);
  const colour = colors[index % colors.length];
  const prefix = stream.isTTY ? `\x1b[${colour}m${label}\x1b[0m │ ` : `${label} │ `;
  return (line: string) => {
    for (const part of line.split(/\r?\n/)) if (part.trim()) stream.write(`${prefix}${part}\n`);
  };
}
