/**
 * The scoring service under load (issue #6): req/s and latency p50/p99 at 64 connections for
 * (a) a stored client's score with explanation, (b) scoring new applications (each sent once)
 * and (b') what-if changes of a client's amount, (c) nearest neighbours, and (c') the time of
 * one neighbours query (one connection); then a 60-second soak of (a) printing the server's
 * resident memory every 10 s. Targets: (a) >= 2,000 req/s with p99 < 20 ms; (c) < 20 ms a query.
 *
 *   npm run build && npm run bench:api [-- --workspace DIR] [--clients 30000] [--connections 64]
 *       [--duration 10] [--soak 60] [--port 3099] [--applications 1000]
 *
 * Without --workspace, builds the demo workspace (`clairscore demo --no-serve`) in a temporary
 * folder. The server is the real `clairscore serve`, a child process, so the load generator
 * does not share its event loop; the machine's load average is printed with the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';
import { Pool } from 'undici';

import { renderTable } from '../src/cli/table.js';
import { resolveWorkspace } from '../src/core/index.js';
import { withDatabase } from '../src/data/index.js';
import { flag, hasFlag, runCli, seconds } from './measure.js';

const CLI = path.resolve(import.meta.dirname, '../src/cli/main.js');
const clients = flag('clients') ?? '30000';
const connections = Number(flag('connections') ?? 64);
const duration = Number(flag('duration') ?? 10);
const soakSeconds = Number(flag('soak') ?? 60);
const port = Number(flag('port') ?? 3099);
const newApplications = Number(flag('applications') ?? 1000);
const offeredRate = Number(flag('rate') ?? 2000);
const base = `http://127.0.0.1:${port}`;
const BENCH_USER = 'bench-advisor';
const BENCH_PASSWORD = 'bench-advisor-pass-2026';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function waitReady(server: ChildProcess): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped (status ${server.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health/ready`)).status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function login(): Promise<string> {
  const response = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`log-in: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** A stored application as a new one: its id (and its history rows' ids) replaced, the amount changed. */
function newApplication(
  application: Record<string, unknown>,
  id: number,
  amount = 412_000,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...application, SK_ID_CURR: id, AMT_CREDIT: amount };
  for (const [key, value] of Object.entries(copy)) {
    if (Array.isArray(value)) {
      // bureau_balance rows hang on SK_ID_BUREAU and have no SK_ID_CURR
      copy[key] = value.map((row: Record<string, unknown>) =>
        'SK_ID_CURR' in row ? { ...row, SK_ID_CURR: id } : row,
      );
    }
  }
  return copy;
}

/** Waits until the service has precomputed the stored clients' answers (its metrics gauge stops rising). */
async function waitPrecomputed(): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  let last = -1;
  for (;;) {
    const text = await (await fetch(`${base}/api/metrics`)).text();
    const count = Number(/^clairscore_precomputed_scores (\d+)/m.exec(text)?.[1] ?? 0);
    if (count === last && count > 0) return { count, ms: performance.now() - started };
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

interface Figures {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

interface Load {
  readonly method: 'GET' | 'POST';
  /** Requests taken in turn (spread over many clients). */
  readonly requests: readonly { readonly path: string; readonly body?: string }[];
  readonly connections?: number;
  /**
   * Every request takes the next one of the list across all connections, so none is sent twice
   * at once (a generator thread of its own holds the counter). Otherwise each connection walks
   * the list from its start, in two generator threads: on two cores one thread saturates
   * before the server does, and its own queueing would land in the latencies.
   */
  readonly distinct?: boolean;
}

async function measure(name: string, token: string, seconds: number, load: Load): Promise<Figures> {
  const { requests } = load;
  const connectionCount = load.connections ?? connections;
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: connectionCount,
    duration: seconds,
    ...(load.distinct || connectionCount === 1 ? {} : { workers: 2 }),
    headers: {
      authorization: `Bearer ${token}`,
      'accept-encoding': 'gzip, deflate, br', // as the dashboard's browser sends
      ...(load.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    requests: load.distinct
      ? [
          {
            method: load.method,
            setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length]! }),
          },
        ]
      : requests.map((request) => ({ method: load.method, ...request })),
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/**
 * Open loop: `rate` requests a second, due at even intervals, over `connections` keep-alive
 * connections; a request waits in the client's queue when all are busy, and its latency counts
 * from when it was due (wrk2's correction for coordinated omission). autocannon's rate option
 * sends each connection's quota at the start of every second, which measures its own bursts.
 */
async function paced(
  name: string,
  token: string,
  rate: number,
  seconds: number,
  paths: readonly string[],
): Promise<Figures> {
  const pool = new Pool(base, { connections });
  const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' };
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let sent = 0; sent < total;) {
    const now = performance.now();
    for (; sent < total && started + sent * interval <= now; sent++) {
      const due = started + sent * interval;
      inFlight.push(
        pool
          .request({ method: 'GET', path: paths[sent % paths.length]!, headers })
          .then(async ({ statusCode, body }) => {
            await body.dump();
            if (statusCode === 200) latencies.push(performance.now() - due);
            else errors++;
          })
          .catch(() => void errors++),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { name, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}

const own = !flag('workspace');
const root = flag('workspace') ?? mkdtempSync(path.join(tmpdir(), 'cs-bench-api-'));
const workspace = resolveWorkspace(root);
let server: ChildProcess | undefined;
try {
  if (own) {
    const built = runCli('demo', ['demo', '--no-serve', '--clients', clients, '--workspace', root]);
    console.log(`demo workspace of ${clients} clients built in ${built.toFixed(0)} s`);
  }
  // the bench's own advisor, through the same account store as the service
  const reset = spawnCliQuiet(['users', 'reset', BENCH_USER, '--password', BENCH_PASSWORD]);
  if (reset !== 0)
    runCli('users add', [
      'users',
      'add',
      BENCH_USER,
      '--role',
      'advisor',
      '--password',
      BENCH_PASSWORD,
      '--workspace',
      root,
    ]);

  const ids = await withDatabase(workspace, { readOnly: true }, async (db) =>
    (await db.query('SELECT "SK_ID_CURR" AS id FROM features ORDER BY hash("SK_ID_CURR") LIMIT 20000')).map(
      (r) => Number(r.id),
    ),
  );

  // the server's JSON log lines go to a file, as in production (a terminal would slow it down)
  const logFile = path.join(tmpdir(), `cs-bench-api-${process.pid}.log`);
  const log = openSync(logFile, 'w');
  server = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--workspace', root], {
    stdio: ['ignore', log, log],
  });
  console.log(`server log: ${logFile}`);
  const pid = server.pid!;
  const ready = await waitReady(server);
  console.log(`server ready in ${seconds(ready)}, RSS ${rssMb(pid).toFixed(0)} MB; load average ${load()}`);
  const token = await login();

  const precomputed = await waitPrecomputed();
  console.log(
    `stored answers precomputed: ${precomputed.count} after ${seconds(precomputed.ms)} more; RSS ${rssMb(pid).toFixed(0)} MB`,
  );

  const scorePaths = ids.map((id) => ({ path: `/api/clients/${id}/score` }));
  const neighbourPaths = ids.map((id) => ({ path: `/api/clients/${id}/compare/neighbours?k=10` }));
  const posts = (bodies: readonly Record<string, unknown>[]): Load['requests'] =>
    bodies.map((body) => ({ path: '/api/score', body: JSON.stringify(body) }));
  // 3 s of (a) not counted: the server's code paths compiled and its caches warm, as in service
  await measure('warm-up', token, 3, { method: 'GET', requests: scorePaths });
  const scoreUrls = scorePaths.map((request) => request.path);
  // the paced run first, after 3 s of its own: behind the saturating run it would also measure
  // the collection of that run's garbage
  await paced('warm-up', token, offeredRate, 3, scoreUrls);
  const figures = [
    await paced(
      `(a) at ${offeredRate.toLocaleString('en-US')} req/s offered (open loop)`,
      token,
      offeredRate,
      duration,
      scoreUrls,
    ),
    await measure('(a) stored client score + explanation, saturated', token, duration, {
      method: 'GET',
      requests: scorePaths,
    }),
  ];
  // fetched only now: 1,000 database reads would leave the server garbage to collect during (a)
  // (b) applications the service has never seen: stored ones under new ids, each sent once
  const stored = ids.slice(0, newApplications);
  const applications = await Promise.all(
    stored.map(async (id) => {
      const response = await fetch(`${base}/api/clients/${id}/application`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return (await response.json()) as Record<string, unknown>;
    }),
  );
  const fresh = applications.map((application, i) => newApplication(application, 900_000_000 + i));
  // (b') what the simulator sends: 20 clients, each with 10 amounts in turn
  const whatIf = applications
    .slice(0, 20)
    .flatMap((application, i) =>
      Array.from({ length: 10 }, (_, k) =>
        newApplication(application, 800_000_000 + i, Number(application.AMT_CREDIT) * (0.5 + k / 10)),
      ),
    );
  figures.push(
    await measure(`(b) POST /api/score, ${fresh.length} new applications`, token, duration, {
      method: 'POST',
      requests: posts(fresh),
      distinct: true,
    }),
    await measure("(b') POST /api/score, what-if (amount changed)", token, duration, {
      method: 'POST',
      requests: posts(whatIf),
      distinct: true,
    }),
    await measure('(c) nearest neighbours (k=10)', token, duration, {
      method: 'GET',
      requests: neighbourPaths,
    }),
    await measure("(c') nearest neighbours, one connection: time a query", token, duration, {
      method: 'GET',
      requests: neighbourPaths,
      connections: 1,
    }),
  );
  console.log(`\n${connections} connections, ${duration} s each; load average ${load()}`);
  console.log(
    renderTable(
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      figures.map((f) => [f.name, f.rps.toFixed(0), f.p50.toFixed(1), f.p99.toFixed(1), String(f.errors)]),
    ),
  );

  if (soakSeconds > 0) await soakRun(pid, token, ids);
} finally {
  server?.kill('SIGTERM');
  if (own && !hasFlag('keep')) rmSync(root, { recursive: true, force: true });
}

/** (a) for `soakSeconds`, with the server's resident memory every 10 s: it should stay flat. */
async function soakRun(pid: number, token: string, ids: readonly number[]): Promise<void> {
  console.log(`\nsoak: (a) for ${soakSeconds} s, server RSS every 10 s`);
  const soakStart = performance.now();
  const samples: string[] = [`0 s ${rssMb(pid).toFixed(0)} MB`];
  const timer = setInterval(() => {
    const line = `${Math.round((performance.now() - soakStart) / 1000)} s ${rssMb(pid).toFixed(0)} MB`;
    samples.push(line);
    console.log(`  ${line}`);
  }, 10_000);
  const soak = await measure('soak (a)', token, soakSeconds, {
    method: 'GET',
    requests: ids.map((id) => ({ path: `/api/clients/${id}/score` })),
  });
  clearInterval(timer);
  console.log(
    `soak: ${soak.rps.toFixed(0)} req/s, p50 ${soak.p50.toFixed(1)} ms, p99 ${soak.p99.toFixed(1)} ms, ${soak.errors} errors; RSS ${samples.join(', ')}; load average ${load()}`,
  );
}

function spawnCliQuiet(args: readonly string[]): number {
  try {
    runCli(args.join(' '), [...args, '--workspace', root]);
    return 0;
  } catch {
    return 1;
  }
}
