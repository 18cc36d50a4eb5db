import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in MLflow tracking server for tests: it checks each request against the shapes of
 * mlflow.md section 5 and records a violation for any wrong one (the test then fails), and keeps
 * what a real server would store.
 */

type Json = Record<string, unknown>;
const STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];

const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);
const isStr = (v: unknown): boolean => typeof v === 'string';
const isKeyValue = (v: unknown): boolean => {
  const kv = v as Json;
  return (
    typeof v === 'object' && v !== null && isStr(kv.key) && isStr(kv.value) && Object.keys(kv).length === 2
  );
};
const isMetric = (v: unknown): boolean => {
  const m = v as Json;
  const valueOk = typeof m.value === 'number' || ['NaN', 'Infinity', '-Infinity'].includes(m.value as string);
  const keysOk = Object.keys(m).every((k) => ['key', 'value', 'timestamp', 'step'].includes(k));
  return isStr(m.key) && valueOk && isInt(m.timestamp) && (m.step === undefined || isInt(m.step)) && keysOk;
};

function only(body: Json, allowed: string[]): string[] {
  return Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((k) => `unexpected field ${k}`);
}

/** Problems with a request body, per endpoint; an empty list means the shape is right. */
export function shapeProblems(endpoint: string, body: Json, bytes: number): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => void (ok || problems.push(what));
  switch (endpoint) {
    case 'experiments/create':
      need(isStr(body.name) && (body.name as string).length > 0, 'name must be a non-empty string');
      problems.push(...only(body, ['name', 'artifact_location', 'tags']));
      break;
    case 'runs/create':
      need(isStr(body.experiment_id), 'experiment_id must be a string');
      need(isInt(body.start_time), 'start_time must be int64 ms');
      need(body.run_name === undefined || isStr(body.run_name), 'run_name must be a string');
      need(
        body.tags === undefined || (Array.isArray(body.tags) && body.tags.every(isKeyValue)),
        'tags: [{key,value}]',
      );
      problems.push(...only(body, ['experiment_id', 'user_id', 'run_name', 'start_time', 'tags']));
      break;
    case 'runs/log-batch': {
      const metrics = (body.metrics ?? []) as unknown[];
      const params = (body.params ?? []) as unknown[];
      const tags = (body.tags ?? []) as unknown[];
      need(isStr(body.run_id), 'run_id must be a string');
      need(Array.isArray(metrics) && metrics.every(isMetric), 'metrics: [{key,value,timestamp,step?}]');
      need(Array.isArray(params) && params.every(isKeyValue), 'params: [{key,value}] with string values');
      need(Array.isArray(tags) && tags.every(isKeyValue), 'tags: [{key,value}]');
      need(
        metrics.length <= 1000 && params.length <= 100 && tags.length <= 100,
        'per-kind batch limit exceeded',
      );
      need(metrics.length + params.length + tags.length <= 1000, 'more than 1000 entities');
      need(bytes <= 1_000_000, 'request over 1 MB');
      problems.push(...only(body, ['run_id', 'metrics', 'params', 'tags']));
      break;
    }
    case 'runs/update':
      need(isStr(body.run_id), 'run_id must be a string');
      need(
        body.status === undefined || STATUSES.includes(body.status as string),
        'status must be a RunStatus name',
      );
      need(body.end_time === undefined || isInt(body.end_time), 'end_time must be int64 ms');
      problems.push(...only(body, ['run_id', 'run_uuid', 'status', 'end_time', 'run_name']));
      break;
    case 'runs/log-model':
      need(isStr(body.run_id), 'run_id must be a string');
      need(isStr(body.model_json), 'model_json must be a JSON string');
      problems.push(...only(body, ['run_id', 'model_json']));
      break;
    default:
      problems.push(`unknown endpoint ${endpoint}`);
  }
  return problems;
}

export interface StoredRun {
  readonly experimentId: string;
  readonly runName: string;
  readonly metrics: Json[];
  readonly params: Record<string, string>;
  readonly tags: Record<string, string>;
  status: string;
  endTime?: number;
  readonly models: Json[];
}

export class MlflowTestServer {
  readonly violations: string[] = [];
  readonly calls: string[] = [];
  readonly experiments = new Map<string, string>();
  readonly runs = new Map<string, StoredRun>();
  readonly artifacts = new Map<string, Buffer>();
  /** Makes the next calls to an endpoint answer this status and body (error tests). */
  readonly failures = new Map<string, { status: number; body: Json; times: number }>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    const reply = (status: number, body: Json): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const artifactPrefix = '/api/2.0/mlflow-artifacts/artifacts/';
    if (url.pathname.startsWith(artifactPrefix) && req.method === 'PUT') {
      this.calls.push(`PUT artifacts`);
      this.artifacts.set(decodeURIComponent(url.pathname.slice(artifactPrefix.length)), raw);
      return reply(200, {});
    }
    const endpoint = url.pathname.replace('/api/2.0/mlflow/', '');
    this.calls.push(`${req.method} ${endpoint}`);
    const failure = this.failures.get(endpoint);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return reply(failure.status, failure.body);
    }
    if (req.method === 'GET' && endpoint === 'experiments/get-by-name') {
      const name = url.searchParams.get('experiment_name') ?? '';
      const id = this.experiments.get(name);
      if (!name) this.violations.push('get-by-name without experiment_name');
      if (!id)
        return reply(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `No experiment '${name}'` });
      return reply(200, { experiment: { experiment_id: id, name, lifecycle_stage: 'active' } });
    }
    if (req.method !== 'POST' || !/^application\/json/.test(req.headers['content-type'] ?? '')) {
      this.violations.push(`${req.method} ${endpoint}: expected a POST with a JSON body`);
      return reply(400, { error_code: 'BAD_REQUEST', message: 'expected JSON POST' });
    }
    const body = JSON.parse(raw.toString('utf8')) as Json;
    const problems = shapeProblems(endpoint, body, raw.length);
    if (problems.length > 0) {
      this.violations.push(...problems.map((p) => `${endpoint}: ${p}`));
      return reply(400, { error_code: 'INVALID_PARAMETER_VALUE', message: problems.join('; ') });
    }
    reply(200, this.apply(endpoint, body));
  }

  private apply(endpoint: string, body: Json): Json {
    if (endpoint === 'experiments/create') {
      const id = String(100 + this.experiments.size);
      this.experiments.set(body.name as string, id);
      return { experiment_id: id };
    }
    if (endpoint === 'runs/create') {
      const runId = `run${this.runs.size}`.padEnd(32, '0');
      const tags = Object.fromEntries(
        ((body.tags ?? []) as { key: string; value: string }[]).map((t) => [t.key, t.value]),
      );
      const experimentId = body.experiment_id as string;
      this.runs.set(runId, {
        experimentId,
        runName: String(body.run_name),
        metrics: [],
        params: {},
        tags,
        status: 'RUNNING',
        models: [],
      });
      const artifact_uri = `mlflow-artifacts:/${experimentId}/${runId}/artifacts`;
      return {
        run: {
          info: {
            run_id: runId,
            run_uuid: runId,
            experiment_id: experimentId,
            artifact_uri,
            status: 'RUNNING',
          },
          data: {},
        },
      };
    }
    const run = this.runs.get(body.run_id as string);
    if (!run) {
      this.violations.push(`${endpoint}: unknown run ${String(body.run_id)}`);
      return {};
    }
    if (endpoint === 'runs/log-batch') {
      run.metrics.push(...((body.metrics ?? []) as Json[]));
      for (const p of (body.params ?? []) as { key: string; value: string }[]) run.params[p.key] = p.value;
      for (const t of (body.tags ?? []) as { key: string; value: string }[]) run.tags[t.key] = t.value;
    } else if (endpoint === 'runs/update') {
      run.status = body.status as string;
      run.endTime = body.end_time as number;
    } else if (endpoint === 'runs/log-model') {
      run.models.push(JSON.parse(body.model_json as string) as Json);
    }
    return {};
  }
}
