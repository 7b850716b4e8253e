import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../bot/core/paths.js';
import { createExplainer } from '../../bot/explain/explainer.js';
import { loadCatalogue } from '../../bot/explain/load-catalogue.js';
import type { Figure } from './run.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** Fifteen options as a README pastes them: continuations, quotes, a mount, a typo, a risky flag. */
const FIFTEEN = `sudo docker run -d --name web \\
  -p 127.0.0.1:8080:80 -p 5432:5432 \\
  -v "$(pwd)/html":/usr/share/nginx/html:ro --mount type=volume,src=cache,dst=/var/cache/nginx \\
  -e TZ=Asia/Seoul -e MODE=production --env-file ./web.env \\
  --restart unless-stopped --memory 512m --cpus 1.5 \\
  --netwrok frontend --cap-add NET_ADMIN --health-cmd "curl -f http://localhost/" \\
  registry.example.com:5000/team/nginx:1.25-alpine nginx -g 'daemon off;'`;

/** Explaining a 15-option command, in each language, against the real docker CLI reading its own flags. */
export default async function bench(): Promise<Figure[]> {
  const catalogue = await loadCatalogue(join(packageRoot(import.meta.url), 'knowledge', 'commands'));
  if (!catalogue.ok) throw new Error('catalogue did not load');
  const explainer = createExplainer(catalogue.value, () => true, () => false);
  const options = explainer.explain(FIFTEEN, 'en').parts.filter((part) => part.role === 'option').length;
  if (options !== 15) throw new Error(`the bench command has ${options} options, not 15`);

  // Warm until the JIT has settled, as in a bot that has been up for a while.
  for (let i = 0; i < 3_000; i++) explainer.explain(FIFTEEN, i % 2 ? 'ko' : 'en');
  const times: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const start = performance.now();
    explainer.explain(FIFTEEN, i % 2 ? 'ko' : 'en');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  const routes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const start = performance.now();
    explainer.holdsCommand(FIFTEEN);
    routes.push(performance.now() - start);
  }
  routes.sort((a, b) => a - b);

  // The real tool: the docker CLI parsing the same kind of flag set (`docker run --help` never runs anything).
  const docker: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = spawnSync('docker', ['run', '--help'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`docker run --help failed: ${result.stderr}`);
    docker.push(performance.now() - start);
  }
  docker.sort((a, b) => a - b);

  const median = percentile(times, 0.5);
  return [
    { name: `explain a ${options}-option command, median (2000, en+ko)`, value: median, unit: 'ms', target: 2 },
    { name: 'explain a 15-option command, p95', value: percentile(times, 0.95), unit: 'ms', target: 2 },
    { name: 'explain a 15-option command, p99 (GC, load)', value: percentile(times, 0.99), unit: 'ms' },
    { name: 'question routing (holds a command?), median', value: percentile(routes, 0.5), unit: 'ms' },
    { name: '`docker run --help` process, median of 5', value: percentile(docker, 0.5), unit: 'ms' },
    { name: 'docker CLI process ÷ one explanation', value: percentile(docker, 0.5) / median, unit: '×' },
  ];
}
