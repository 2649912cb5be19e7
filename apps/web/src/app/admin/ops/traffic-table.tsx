import type { RouterOutputs } from "@hometrip/api";

export type TrafficRow = RouterOutputs["ops"]["traffic"]["regions"][number];

const percent = (ratio: number) => (ratio === 0 ? "0" : `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)} %`);
const millis = (value: number | null) => (value === null ? "–" : `${value} ms`);
const perSecond = (rate: number) => (rate >= 1 ? rate.toFixed(1) : rate.toFixed(3));

/** Health by the 5xx share: what the platform failed, not what callers got wrong. */
export function healthOf(row: TrafficRow): "ok" | "warn" | "bad" {
  if (row.errorRatio >= 0.05) return "bad";
  if (row.errorRatio > 0 || (row.p95 ?? 0) > 1000) return "warn";
  return "ok";
}

export function TrafficTable(props: {
  caption: string;
  keyLabel: string;
  rows: TrafficRow[];
  empty: string;
}) {
  const { caption, keyLabel, rows, empty } = props;
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="ops-table-wrap">
      <table className="ops-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col">Calls</th>
            <th scope="col">Per s</th>
            <th scope="col">5xx</th>
            <th scope="col">4xx</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <span className={`ops-dot ops-dot--${healthOf(row)}`} aria-hidden="true" />
                {row.key}
              </th>
              <td>{row.calls}</td>
              <td>{perSecond(row.rate)}</td>
              <td className={row.errorRatio > 0 ? "ops-bad" : undefined}>{percent(row.errorRatio)}</td>
              <td>{percent(row.clientErrorRatio)}</td>
              <td>{millis(row.p50)}</td>
              <td>{millis(row.p95)}</td>
              <td>{millis(row.p99)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
