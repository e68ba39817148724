// npm run bench: prints the figures the issues ask for. Not a test: timings vary by machine.
import { binderBench } from './binder';
import { gapCheckBench } from './gap-check';
import { materialImportBench } from './material-import';
import { searchBench } from './search';
import { systemImportBench } from './system-import';

// BENCH_ONLY=gaps (or system, materials, binder, search) runs one of them.
const all = {
  system: systemImportBench,
  materials: materialImportBench,
  gaps: gapCheckBench,
  binder: binderBench,
  search: searchBench,
};
const only = process.env.BENCH_ONLY as keyof typeof all | undefined;
const benches = only ? [all[only]] : Object.values(all);

for (const bench of benches) {
  const lines = await bench();
  for (const line of lines) process.stdout.write(`${line}\n`);
}
