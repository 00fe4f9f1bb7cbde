import { readFileSync } from 'node:fs';

/**
 * Another process's CPU time so far (user + system), in µs, from /proc/<pid>/stat: fields 14 and 15, in clock
 * ticks of USER_HZ, which Linux fixes at 100 a second for /proc whatever the kernel's own tick.
 */
export const processCpuMicros = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count the fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
};
