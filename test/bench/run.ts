// npm run bench: prints the figures the issues ask for. Not a test: timings vary by machine.
import { materialImportBench } from './material-import';
import { systemImportBench } from './system-import';

const benches = [systemImportBench, materialImportBench];

for (const bench of benches) {
  const lines = await bench();
  for (const line of lines) process.stdout.write(`${line}\n`);
}
