import type { FastifyInstance } from 'fastify';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** A label value as Prometheus' text format wants it quoted. */
const quote = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const labels = (pairs: Record<string, string>): string =>
  `{${Object.entries(pairs)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(',')}}`;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

/**
 * The service's metrics in Prometheus' text exposition format (version 0.0.4): requests by
 * route and status, latency histograms by route, scores by decision, the champion's version.
 * Routes are the registered patterns (/api/clients/:id), never the ids themselves.
 */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latencies = new Map<string, Histogram>();
  private readonly scores = new Map<string, number>();
  modelVersion = 0;
  /** Stored clients whose answer is ready (set by the app from the scorer). */
  precomputedScores: () => number = () => 0;

  recordRequest(method: string, route: string, status: number, seconds: number): void {
    const key = labels({ method, route, status: String(status) });
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const histogramKey = JSON.stringify([method, route]);
    let histogram = this.latencies.get(histogramKey);
    if (!histogram) {
      histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latencies.set(histogramKey, histogram);
    }
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i]!++;
    });
    histogram.sum += seconds;
    histogram.count++;
  }

  recordScore(decision: string, source: 'stored' | 'application'): void {
    const key = labels({ decision, source });
    this.scores.set(key, (this.scores.get(key) ?? 0) + 1);
  }

  render(): string {
    const lines: string[] = [
      '# HELP clairscore_http_requests_total HTTP requests answered, by method, route and status.',
      '# TYPE clairscore_http_requests_total counter',
    ];
    for (const [key, n] of this.requests) lines.push(`clairscore_http_requests_total${key} ${n}`);
    lines.push(
      '# HELP clairscore_http_request_duration_seconds Time to answer, by method and route.',
      '# TYPE clairscore_http_request_duration_seconds histogram',
    );
    for (const [key, h] of this.latencies) {
      const [method, route] = JSON.parse(key) as [string, string];
      BUCKETS.forEach((bound, i) =>
        lines.push(
          `clairscore_http_request_duration_seconds_bucket${labels({ method, route, le: String(bound) })} ${h.counts[i]}`,
        ),
      );
      lines.push(
        `clairscore_http_request_duration_seconds_bucket${labels({ method, route, le: '+Inf' })} ${h.count}`,
      );
      lines.push(`clairscore_http_request_duration_seconds_sum${labels({ method, route })} ${h.sum}`);
      lines.push(`clairscore_http_request_duration_seconds_count${labels({ method, route })} ${h.count}`);
    }
    lines.push(
      '# HELP clairscore_scores_total Scores computed, by decision and source.',
      '# TYPE clairscore_scores_total counter',
    );
    for (const [key, n] of this.scores) lines.push(`clairscore_scores_total${key} ${n}`);
    const memory = process.memoryUsage();
    lines.push(
      '# HELP clairscore_model_version Version of the champion being served (0: none).',
      '# TYPE clairscore_model_version gauge',
      `clairscore_model_version ${this.modelVersion}`,
      '# HELP clairscore_precomputed_scores Stored clients whose score and explanation are precomputed for the champion.',
      '# TYPE clairscore_precomputed_scores gauge',
      `clairscore_precomputed_scores ${this.precomputedScores()}`,
      '# HELP clairscore_process_resident_memory_bytes Resident memory of the service.',
      '# TYPE clairscore_process_resident_memory_bytes gauge',
      `clairscore_process_resident_memory_bytes ${memory.rss}`,
    );
    return `${lines.join('\n')}\n`;
  }

  /** Times every request (onResponse sees the final status, errors included). */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.recordRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}
