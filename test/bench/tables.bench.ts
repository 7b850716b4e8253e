import { performance } from 'node:perf_hooks';
import type { ContainerInfo } from '../../bot/lab/engine.js';
import { psRows, psTable } from '../../bot/lab/ps.js';
import { tablePages } from '../../bot/discord/lab/table-pages.js';
import { renderTable } from '../../bot/lab/tables.js';
import type { Figure } from './run.js';

const STATES = [
  ['running', 'Up 3 hours'],
  ['paused', 'Up 2 days (Paused)'],
  ['exited', 'Exited (137) 5 minutes ago'],
  ['restarting', 'Restarting (1) 2 seconds ago'],
  ['created', 'Created'],
] as const;

/** 500 containers as the engine lists them: mixed states, ports, long and Korean commands. */
function containers(count: number, now: number): ContainerInfo[] {
  return Array.from({ length: count }, (_, i) => {
    const [state, status] = STATES[i % STATES.length]!;
    return {
      Id: (i * 2_654_435_761).toString(16).padStart(64, '0').slice(-64),
      Names: [`/service-${i}-${i % 3 === 0 ? 'web' : 'worker'}`],
      Image: i % 4 === 0 ? `registry.example.com:5000/team/app-${i % 17}:1.${i % 9}` : `app-${i % 23}:latest`,
      ImageID: `sha256:${'ab'.repeat(32)}`,
      Command: i % 5 === 0 ? `sh -c 'echo 고래가 헤엄쳐요 ${i}; sleep 1000'` : `node server.js --port ${3000 + i}`,
      Created: Math.floor(now / 1000) - i * 97,
      Ports:
        i % 2 === 0
          ? [
              { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8000 + i, Type: 'tcp' },
              { IP: '::', PrivatePort: 80, PublicPort: 8000 + i, Type: 'tcp' },
              { IP: '', PrivatePort: 9000, PublicPort: 0, Type: 'udp' },
              { IP: '', PrivatePort: 9001, PublicPort: 0, Type: 'udp' },
            ]
          : [],
      Labels: {},
      State: state,
      Status: status,
      HostConfig: { NetworkMode: 'bridge' },
      NetworkSettings: { Networks: {} },
      Mounts: [],
    };
  });
}

/** Rendering `ps` for 500 containers: rows, the plain text and every Discord page. */
export default async function bench(): Promise<Figure[]> {
  const now = new Date();
  const listed = containers(500, now.getTime());
  const render = () => tablePages(renderTable(psTable(psRows(listed, now))).text);
  for (let i = 0; i < 10; i++) render();
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    pages = render().length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [
    { name: 'ps table, 500 containers (median)', value: times[Math.floor(times.length / 2)]!, unit: 'ms', target: 20 },
    { name: 'ps table, 500 containers (slowest of 50)', value: times.at(-1)!, unit: 'ms' },
    { name: 'ps table, 500 containers: Discord pages', value: pages, unit: 'pages' },
  ];
}
