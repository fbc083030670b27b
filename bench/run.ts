// Runs every benchmark in bench/ (`npm run bench`) or only the named ones (`npm run bench -- sandbox`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark';

// Benchmarks import server modules (`import 'server-only'`), which load only under the react-server condition.
if (!process.execArgv.includes('--conditions=react-server')) {
  const child = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`[bench] no benchmark named ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(1);
}

for (const name of wanted.length > 0 ? wanted : available) {
  const loaded = (await import(pathToFileURL(join(benchDir, `${name}.bench.ts`)).href)) as { benchmark: Benchmark };
  console.log(`[bench] ${name}: ${loaded.benchmark.title}`);
  await loaded.benchmark.run();
}
