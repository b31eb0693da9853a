/**
 * `npm run bench`: runs every section on this machine (loopback only), prints the table and writes
 * BENCHMARKS.md. Not part of `npm test`.
 *
 *   npm run bench                       everything (about 8 minutes on 2 cores)
 *   npm run bench -- --only sync,docsize   some sections (ids: docsize bundle sync cluster capacity client export attacks import fuzz)
 *   npm run bench -- --quick            one run per measurement, shorter windows (for trying changes)
 *   npm run bench -- --no-write         do not write BENCHMARKS.md (print the notes instead)
 * With --only or --quick, BENCHMARKS.md is left alone unless --write is given.
 */
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ATTACK_DEFAULTS, runAttacks } from './attacks';
import { FUZZ_DEFAULTS, runFuzz } from './fuzz';
import { IMPORT_STALL_DEFAULTS, runImportStall } from './import-stall';
import { buildClient, runBundleSize, type ClientBuild } from './bundle-size';
import { CLUSTER_DEFAULTS, runCluster } from './cluster';
import { CAPACITY_DEFAULTS, runCapacity } from './capacity';
import { FRAMES_DEFAULTS, runClientFrames } from './client-frames';
import { DOC_SIZE_DEFAULTS, runDocumentSize } from './document-size';
import { EXPORT_DEFAULTS, runExportPng } from './export-png';
import { runSyncLatency, SYNC_DEFAULTS } from './sync-latency';
import { installCleanup, killAllNow } from './support/children';
import { fsyncLatency, machineFacts, OthersWindow, waitForQuiet } from './support/machine';
import type { Row, SectionResult } from './support/report';
import { ROOT } from './support/spawn-server';
import { fmt } from './support/stats';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1] ?? '').split(',').filter(Boolean) : null;
const quick = flag('quick');
const want = (id: string) => !only || only.includes(id);

const log = (s: string) => console.log(s);

function ratioText(r: Row): string {
  if (r.reference === undefined || !Number.isFinite(r.reference) || !Number.isFinite(r.ours) || r.reference === 0) return '';
  return `${(r.ours / r.reference).toFixed(2)}`;
}

function valueText(v: number | undefined, r: Row): string {
  if (v === undefined) return '';
  return fmt(v, r.decimals ?? 1);
}

function metText(r: Row): string {
  if (r.met === undefined) return '';
  return r.met ? 'yes' : '**no**';
}

function tableRows(sections: SectionResult[]): string[][] {
  const out: string[][] = [];
  for (const s of sections) {
    const shared = s.otherCores !== undefined && s.otherCores > 0.25 ? ` (machine shared: other processes used ${s.otherCores.toFixed(1)} of 2 cores)` : '';
    out.push([`**${s.title}**${shared}`, '', '', '', '', '', '']);
    if (s.error) out.push([`error: ${s.error.split('\n')[0]}`, '', '', '', '', '', '']);
    for (const r of s.rows) {
      const unit = r.unit ? ` ${r.unit}` : '';
      out.push([
        r.metric,
        r.text ?? `${valueText(r.ours, r)}${unit}`,
        r.text ? '' : r.reference !== undefined ? `${valueText(r.reference, r)}${unit}` : '',
        r.text ? '' : ratioText(r),
        r.target ?? '',
        metText(r),
        r.runs ? String(r.runs) : '',
      ]);
    }
  }
  return out;
}

const HEAD = ['measurement', 'ours (median)', 'reference (median)', 'ratio', 'target', 'met', 'runs'];

function markdownTable(rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, `|${HEAD.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function consoleTable(rows: string[][]): string {
  const plain = rows.map((r) => r.map((c) => c.replace(/\*\*/g, '')));
  const widths = HEAD.map((h, i) => Math.min(i === 0 ? 78 : 40, Math.max(h.length, ...plain.map((r) => r[i].length))));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.slice(0, widths[i]).padEnd(widths[i]) : c.slice(0, widths[i]).padStart(widths[i]))).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...plain.map(line)].join('\n');
}

function perRunDetail(sections: SectionResult[]): string {
  const lines: string[] = [];
  for (const s of sections) {
    for (const r of s.rows) {
      if (!r.perRun || r.perRun.ours.length < 2) continue;
      const f = (xs: number[]) => xs.map((x) => fmt(x, r.decimals ?? 1)).join(', ');
      lines.push(`- ${r.metric}: ours ${f(r.perRun.ours)}${r.perRun.reference ? `; reference ${f(r.perRun.reference)}` : ''}`);
    }
  }
  return lines.join('\n');
}

async function section(id: string, fn: () => Promise<SectionResult>, title: string): Promise<SectionResult> {
  log(`\n== ${title}`);
  const t0 = performance.now();
  const cpu = new OthersWindow();
  const load = (r: SectionResult) => {
    r.seconds = (performance.now() - t0) / 1000;
    const c = cpu.stop();
    r.benchCores = c.benchCores;
    r.otherCores = c.otherCores;
    log(`  (${r.seconds.toFixed(0)} s; the bench used ${r.benchCores.toFixed(2)} cores, other processes ${r.otherCores.toFixed(2)})`);
    return r;
  };
  try {
    return load(await fn());
  } catch (err) {
    const msg = err instanceof Error ? err.stack ?? err.message : String(err);
    log(`  FAILED: ${msg}`);
    // Whatever it started must not linger into the next section.
    killAllNow();
    return load({ id, title, rows: [], notes: [], error: msg });
  }
}

async function main() {
  installCleanup();
  const facts = machineFacts();
  log(`Journey Studio benchmarks — ${facts.cpuModel}, ${facts.cores} cores, Node ${facts.node}, ${facts.date}${quick ? ' (quick)' : ''}`);
  const backgroundBefore = await waitForQuiet(0.3, 30_000, log);
  log(`  other processes before the start: ${backgroundBefore.toFixed(2)} cores busy`);
  const fsync0 = await fsyncLatency();
  log(`  fsync of a 4 KiB write in ${os.tmpdir()}: p50 ${fsync0.p50.toFixed(2)} ms, p99 ${fsync0.p99.toFixed(2)} ms`);
  const cpuAll = new OthersWindow(1000);
  const t0 = performance.now();
  const sections: SectionResult[] = [];
  let build: ClientBuild | null = null;
  const needBuild = want('bundle') || want('client') || want('export');

  try {
    if (want('docsize')) {
      sections.push(await section('docsize', () => runDocumentSize(quick ? { ...DOC_SIZE_DEFAULTS, seeds: [11] } : DOC_SIZE_DEFAULTS, log), '4a. Document size'));
    }
    if (needBuild) {
      log('\n== building the client (vite build)');
      build = await buildClient(log);
      log(build.ok ? `  built in ${build.seconds.toFixed(1)} s` : `  the client does not build:\n${build.output.slice(-1500)}`);
    }
    if (want('bundle') && build) sections.push(await section('bundle', () => runBundleSize(build!), '4b. Production bundle'));
    if (want('sync')) {
      const opts = quick ? { ...SYNC_DEFAULTS, runs: 1, writesPerBoard: 40 } : SYNC_DEFAULTS;
      sections.push(await section('sync', () => runSyncLatency(opts, log), '1. Sync, side by side'));
    }
    if (want('cluster')) {
      const opts = quick ? { ...CLUSTER_DEFAULTS, runs: 1, writesPerBoard: 40, takeovers: 1 } : CLUSTER_DEFAULTS;
      sections.push(await section('cluster', () => runCluster(opts, log), '7. Several instances'));
    }
    if (want('capacity')) {
      const opts = quick ? { ...CAPACITY_DEFAULTS, runs: 1, measureMs: 5_000, idleBoards: 30 } : CAPACITY_DEFAULTS;
      sections.push(await section('capacity', () => runCapacity(opts, log), '2. Capacity'));
    }
    if (want('attacks')) {
      const opts = quick ? { ...ATTACK_DEFAULTS, measureMs: 3_000 } : ATTACK_DEFAULTS;
      sections.push(await section('attacks', () => runAttacks(opts, log), '5. Another board under attack'));
    }
    if (want('import')) {
      const opts = quick ? { ...IMPORT_STALL_DEFAULTS, imports: 1, quietMs: 2_000 } : IMPORT_STALL_DEFAULTS;
      sections.push(await section('import', () => runImportStall(opts, log), '5b. Another board during a large import'));
    }
    if (want('fuzz')) {
      const opts = quick ? { seeds: [1], framesPerSeed: 1_000 } : FUZZ_DEFAULTS;
      sections.push(await section('fuzz', () => runFuzz(opts, log), '6. Structure-aware fuzzing'));
    }
    if (want('client') && build) {
      const opts = quick ? { ...FRAMES_DEFAULTS, runs: 1 } : FRAMES_DEFAULTS;
      sections.push(await section('client', () => runClientFrames(build!, opts, log), '3. The client in Chromium'));
    }
    if (want('export') && build) {
      const opts = quick ? { ...EXPORT_DEFAULTS, runs: 1 } : EXPORT_DEFAULTS;
      sections.push(await section('export', () => runExportPng(build!, opts, log), '4c. Export to PNG and SVG'));
    }
  } finally {
    if (build) rmSync(build.dir, { recursive: true, force: true });
  }

  const seconds = (performance.now() - t0) / 1000;
  const all = cpuAll.stop();
  const fsync1 = await fsyncLatency();
  const ours = all.benchCores;
  const others = all.otherCores;
  const order = ['sync', 'cluster', 'capacity', 'client', 'docsize', 'export', 'bundle', 'attacks', 'import', 'fuzz'];
  sections.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const rows = tableRows(sections);

  log('\n' + consoleTable(rows));
  const missed = sections.flatMap((s) => s.rows.filter((r) => r.met === false).map((r) => `${s.title}: ${r.metric}`));
  log(`\n${missed.length ? `Targets missed (${missed.length}):\n${missed.map((m) => `  - ${m}`).join('\n')}` : 'Every target met.'}`);
  log(`\nTotal ${seconds.toFixed(0)} s; the bench used ${ours.toFixed(2)} cores on average, other processes ${others.toFixed(2)}.`);

  if (flag('no-write') || ((only || quick) && !flag('write'))) {
    for (const s of sections) for (const n of s.notes) log(`\n[${s.id}] ${n}`);
    return;
  }
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Loopback only. Every figure is the median over the runs shown; ' +
      '"reference" is the y-websocket@1.5.4 server (its bin/server.js: rooms in memory, no auth, no persistence) measured in the same invocation, ' +
      'alternating runs with ours; "ratio" is ours ÷ reference. Our server runs as in production: auth tokens, LevelDB persistence with fsync (FSYNC=true), limits on.',
    '',
    '## Machine',
    '',
    `- CPU: ${facts.cpuModel}, ${facts.cores} cores; memory ${facts.memoryGiB} GiB`,
    `- ${facts.os}; Node ${facts.node}`,
    `- Date: ${facts.date}${quick ? ' (quick mode: one run per measurement, shorter windows; not for comparison)' : ''}`,
    `- Disk (data directories in ${os.tmpdir()}): fsync after a 4 KiB write p50 ${fsync0.p50.toFixed(2)} ms / p99 ${fsync0.p99.toFixed(2)} ms before the bench, ` +
      `${fsync1.p50.toFixed(2)} / ${fsync1.p99.toFixed(2)} ms after. Our server writes an update to LevelDB's log before relaying it and flushes it to disk right after (FSYNC=true).`,
    `- Duration: ${seconds.toFixed(0)} s. CPU busy on average: the bench ${ours.toFixed(2)} cores, other processes ${others.toFixed(2)} cores ` +
      `(${backgroundBefore.toFixed(2)} just before the start).${others > 0.25 ? ' **The machine was shared with other work during this run: treat the numbers as noisier than usual.**' : ''}`,
    '',
    '## Results',
    '',
    markdownTable(rows),
    '',
    missed.length ? `**Targets missed (${missed.length})** — see the notes of each section for by how much, why, and what would close it.` : 'Every target was met.',
    '',
    ...sections.flatMap((s) => [
      `## ${s.title}`,
      '',
      ...(s.error ? ['**This section failed:**', '', '```', s.error.slice(0, 3000), '```', ''] : []),
      ...s.notes.flatMap((n) => [n, '']),
      ...(s.seconds !== undefined
        ? [
            `(${s.seconds.toFixed(0)} s; CPU busy on average: the bench ${s.benchCores?.toFixed(2)} cores, other processes on the machine ` +
              `${s.otherCores?.toFixed(2)} cores${s.otherCores !== undefined && s.otherCores > 0.25 ? ' — **shared machine: these numbers are noisier than usual**' : ''})`,
            '',
          ]
        : []),
    ]),
    '## Per-run values',
    '',
    perRunDetail(sections) || '(none)',
    '',
  ].join('\n');
  const file = path.join(ROOT, 'BENCHMARKS.md');
  writeFileSync(file, md);
  log(`\nWrote ${path.relative(process.cwd(), file) || file}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    killAllNow();
    process.exit(1);
  },
);
