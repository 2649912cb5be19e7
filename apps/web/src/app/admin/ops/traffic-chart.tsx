"use client";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartLine {
  label: string;
  values: (number | null)[];
}

const palette = ["#d9482b", "#1a73e8", "#1e7d3a", "#9334e6", "#e37400", "#00838f", "#c2185b", "#5f6368"];

/** One uPlot chart over shared timestamps (unix seconds); resizes with its box. */
export function TrafficChart(props: {
  title: string;
  unit: string;
  timestamps: number[];
  lines: ChartLine[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const { title, unit, timestamps, lines } = props;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: 220,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [{}, { label: unit, size: 56 }],
      series: [
        {},
        ...lines.map((line, i) => ({
          label: line.label,
          stroke: palette[i % palette.length],
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v === null ? "–" : `${Number(v.toFixed(2))} ${unit}`),
        })),
      ],
    };
    const chart = new uPlot(
      options,
      [timestamps, ...lines.map((l) => l.values)] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, element.clientWidth), height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [timestamps, lines, unit]);

  return (
    <figure className="ops-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="ops-chart__plot" />
    </figure>
  );
}
