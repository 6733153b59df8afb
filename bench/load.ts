import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

/** The parts of autocannon's result we use (see node_modules/autocannon/README.md, "Results"). */
interface AutocannonHistogram {
  average: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}

interface AutocannonResult {
  requests: AutocannonHistogram & { total: number };
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers?: Record<string, string>;
}

type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => EventEmitter;

// autocannon is CommonJS without bundled types; load it through require and type it locally.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  url: string;
  connections: number;
  durationS: number;
  requests: number;
  /** Mean of autocannon's per-second request counts. */
  requestsPerSecond: number;
  /**
   * Latency in ms, computed exactly (nearest rank) from every response time autocannon measured.
   * autocannon's own histogram only offers p50/p90/p97.5/p99, and at whole-millisecond resolution.
   */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** autocannon's own latency figures (integer ms histogram), for reference. */
  autocannonLatencyMs: { p50: number; p90: number; p97_5: number; p99: number };
  /** Smallest and largest response seen under load, status line and headers included (autocannon's count). */
  wireBytes: { min: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Runs autocannon once. Throws if any response was not 2xx or any request failed or timed out. */
export async function runLoad(options: {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const times: number[] = [];
  const wireBytes = { min: Infinity, max: 0 };
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.durationS, timeout: 10, headers: options.headers },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, bytes: number, responseTime: number) => {
      times.push(responseTime);
      wireBytes.min = Math.min(wireBytes.min, bytes);
      wireBytes.max = Math.max(wireBytes.max, bytes);
    });
  });

  const sorted = Float64Array.from(times).sort();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  const load: LoadResult = {
    url: options.url,
    connections: options.connections,
    durationS: result.duration,
    requests: sorted.length,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      mean: sorted.reduce((sum, t) => sum + t, 0) / sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
    },
    autocannonLatencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
    },
    wireBytes,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
  const bad = Object.keys(statusCodes).filter((code) => !code.startsWith('2'));
  if (load.errors > 0 || load.timeouts > 0 || load.non2xx > 0 || bad.length > 0 || load.requests === 0) {
    throw new Error(
      `load run against ${options.url} was not clean: ${load.requests} responses, status codes ${JSON.stringify(statusCodes)}, ` +
        `${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`,
    );
  }
  return load;
}

/**
 * Checks a URL answers 200 itself (not a redirect to sign-in, say) before it is benchmarked.
 * Returns the body exactly as sent (no Accept-Encoding is asked for, as autocannon asks for none).
 */
export async function expect200(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { redirect: 'manual', headers: { 'accept-encoding': 'identity', ...headers } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    const where = response.headers.get('location');
    throw new Error(
      `GET ${url} answered ${response.status}${where ? ` (Location: ${where})` : ''}, expected 200\n${body.toString('utf8', 0, 500)}`,
    );
  }
  return body;
}
