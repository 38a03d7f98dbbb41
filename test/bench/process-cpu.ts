/**
 * CPU time of processes from `/proc/<pid>/stat` (user + system, Linux), to state what one request costs
 * the server independently of how busy the shared machine is.
 */
import { readFileSync } from 'node:fs';

const ticksPerSecond = 100;

/** CPU seconds used so far by a process; NaN when it cannot be read (not Linux, process gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of this process (the load generator), from `process.cpuUsage()`. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
