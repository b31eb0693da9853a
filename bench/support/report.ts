/** What each section hands back to bench/run.ts for the table and BENCHMARKS.md. */
export interface Row {
  /** What is measured, e.g. "latency p50, 20 clients × 4 boards". */
  metric: string;
  unit: string;
  /** Median over the runs (ours). NaN when not measured. */
  ours: number;
  /** Median over the runs of the reference server, when there is one. */
  reference?: number;
  /** Lower is better (latency, memory) or higher is better (throughput). */
  better?: 'lower' | 'higher';
  /** Human-readable target, e.g. "ratio ≤ 1.0" or "< 20 ms". */
  target?: string;
  /** true met, false missed, undefined no target. */
  met?: boolean;
  decimals?: number;
  /** Runs behind the median, e.g. 3. */
  runs?: number;
  /** Text shown instead of the number (e.g. "not available yet"). */
  text?: string;
  /** Per-run values, for the detail in BENCHMARKS.md. */
  perRun?: { ours: number[]; reference?: number[] };
}

export interface SectionResult {
  id: string;
  title: string;
  rows: Row[];
  /** Paragraphs for BENCHMARKS.md: method, what a missed target means, what would close it. */
  notes: string[];
  seconds?: number;
  /** Average cores busy during the section: the bench's processes and everything else on the machine. */
  benchCores?: number;
  otherCores?: number;
  error?: string;
}
