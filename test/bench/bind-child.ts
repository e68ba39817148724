// One bind in a process of its own (binder.ts starts it), so the peak memory it reports is
// the bind's, not that of making the project (the app, too, binds in a thread of its own):
// node --import tsx bind-child.ts <projectDir> <options json> <report file>.
import fs from 'node:fs';
import { bindProject } from '../../electron/core/binder/bind';
import type { BindOptions } from '../../electron/core/binder/types';
import { openProject } from '../../electron/core/project/project';

export type ChildVolume = { pages: number; itemPages: number; bytes: number };
export type ChildReport = {
  seconds: number;
  /** CPU time of the bind, user + system, all threads (libvips's too): less sensitive to other load than `seconds`. */
  cpuSeconds: number;
  /** Peak RSS of this process at the end: the bind's (loading the code is far below it). */
  peakMb: number;
  /** RSS with the code loaded and the project open, just before binding. */
  beforeMb: number;
  volumes: ChildVolume[];
  problems: string[];
  warnings: string[];
};

/**
 * Peak RSS in MB. On Linux from VmHWM: getrusage's maxRSS survives exec, so a child forked
 * from a big parent would report the parent's size.
 */
function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const [dir, json, out] = process.argv.slice(2);
if (!dir || !json || !out) throw new Error('usage: bind-child.ts <projectDir> <options json> <report file>');
const options = JSON.parse(json) as BindOptions;
const project = openProject(dir, { userName: 'bench', readOnly: true });
try {
  const beforeMb = process.memoryUsage().rss / 1024 / 1024;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await bindProject(project, options);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const report: ChildReport = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakMb: peakRssMb(),
    beforeMb,
    volumes: result.volumes.map((v) => ({ pages: v.pages, itemPages: v.itemPages, bytes: v.bytes })),
    problems: result.problems.map((p) => p.message),
    warnings: result.warnings,
  };
  fs.writeFileSync(out, JSON.stringify(report));
} finally {
  project.close();
}
