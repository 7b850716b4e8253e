import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One measured figure; `target` is what the figure should stay within (≤, or ≥ when `atLeast`). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly atLeast?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<Figure[]> };
  for (const figure of await module.default()) {
    const met = figure.target === undefined || (figure.atLeast ? figure.value >= figure.target : figure.value <= figure.target);
    if (!met) failed++;
    const target = figure.target === undefined ? '' : `  (target ${figure.atLeast ? '≥' : '≤'} ${figure.target} ${figure.unit}) ${met ? 'ok' : 'MISSED'}`;
    console.log(`  ${figure.name.padEnd(48)} ${figure.value.toFixed(figure.value < 10 ? 3 : 1).padStart(10)} ${figure.unit}${target}`);
  }
}
console.log(failed === 0 ? '\nall targets met' : `\n${failed} target(s) missed`);
process.exitCode = failed === 0 ? 0 : 1;
