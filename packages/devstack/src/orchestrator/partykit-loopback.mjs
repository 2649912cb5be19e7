// Loaded into `partykit dev` with `node --import`. partykit 0.0.115 has no option for the address
// it listens on: it hard-codes 0.0.0.0 for the rooms, always opens a devtools proxy on *:9229 and
// a runtime inspector, and looks the inspector's URL up after every reload. This rewrites those
// spots of its CLI bundle as it loads, so the rooms listen on PARTYKIT_DEV_HOST and the inspectors
// open only when PARTYKIT_DEV_INSPECTOR is "1" (then on that host too). A partykit whose bundle no
// longer has these spots fails to start with an error naming this file, rather than silently
// listening everywhere again.
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

const inspect = 'process.env.PARTYKIT_DEV_INSPECTOR === "1"';
const host = 'process.env.PARTYKIT_DEV_HOST ?? "127.0.0.1"';
const edits = [
  ['host: "0.0.0.0",', `host: ${host},`],
  ["props.enableInspector ?? true ?", `${inspect} ?`],
  [
    "inspectorPort: portForRuntimeInspector,",
    `inspectorPort: ${inspect} ? portForRuntimeInspector : void 0,`,
  ],
  ["server.listen(props.port);", `server.listen(props.port, ${host});`],
  // Without a runtime inspector there is no debugger URL to look up after each reload.
  ["const jsonUrl = `http://127.0.0.1:", `if (!(${inspect})) return;\n$&`],
];

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (!/\/partykit\/dist\/bin\.mjs$/.test(url)) return loaded;
  let source = String(loaded.source);
  for (const [from, to] of edits) {
    if (!source.includes(from)) {
      throw new Error(`partykit-loopback.mjs: partykit's CLI no longer contains ${JSON.stringify(from)}`);
    }
    source = source.replace(from, () => to.replace("$&", from));
  }
  return { ...loaded, source };
}

// The same file is the hooks module: register it once, from the main thread.
if (isMainThread) register(import.meta.url);
