/**
 * What stands between a request and the fake org's state: the API rate limit (a sliding window per
 * token, answering 429 with Retry-After and `inin-ratelimit-*`) and injected faults (5xx, resets,
 * timeouts, latency), random at seeded rates or scripted one by one.
 */
import { seededRandom } from '../clock';

export interface RateLimitOptions {
  /** Requests per window; default 300. */
  limit?: number;
  /** Window in org ms; default 60 000. */
  windowMs?: number;
  /**
   * Endpoints with a lower limit of their own (operation name → requests per window): their
   * answers carry that limit in `inin-ratelimit-allowed`, counted apart from the org-wide one.
   */
  perOperation?: Record<string, number>;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds?: number;
}

export class FakeRateLimiter {
  private readonly arrivals = new Map<string, number[]>();
  readonly limit: number;
  private readonly perOperation: Record<string, number>;
  private readonly windowRealMs: number;

  /** `timeScale`: real ms per org ms, so an org minute can last three real seconds. */
  constructor(
    options: RateLimitOptions,
    private readonly timeScale: number,
  ) {
    this.limit = options.limit ?? 300;
    this.perOperation = options.perOperation ?? {};
    this.windowRealMs = (options.windowMs ?? 60_000) * timeScale;
  }

  /** Admits one request of `operation`: the org-wide limit first, then the endpoint's own. */
  admit(token: string, now: number, operation?: string): RateDecision {
    const endpointLimit = operation === undefined ? undefined : this.perOperation[operation];
    const orgWide = this.admitIn(token, this.limit, now);
    if (!orgWide.allowed || endpointLimit === undefined) return orgWide;
    return this.admitIn(`${token} ${operation}`, endpointLimit, now);
  }

  private admitIn(key: string, limit: number, now: number): RateDecision {
    const list = (this.arrivals.get(key) ?? []).filter((at) => at > now - this.windowRealMs);
    this.arrivals.set(key, list);
    const orgSeconds = (realMs: number) => Math.max(1, Math.ceil(realMs / (1000 * this.timeScale)));
    const resetIn = list.length > 0 ? list[0]! + this.windowRealMs - now : this.windowRealMs;
    if (list.length >= limit) {
      const retryAfterSeconds = orgSeconds(list[list.length - limit]! + this.windowRealMs - now);
      return {
        allowed: false,
        retryAfterSeconds,
        headers: this.headers(limit, list.length, resetIn, orgSeconds),
      };
    }
    list.push(now);
    return { allowed: true, headers: this.headers(limit, list.length, resetIn, orgSeconds) };
  }

  private headers(
    limit: number,
    count: number,
    resetIn: number,
    orgSeconds: (ms: number) => number,
  ) {
    return {
      'inin-ratelimit-count': String(count),
      'inin-ratelimit-allowed': String(limit),
      'inin-ratelimit-reset': String(orgSeconds(resetIn)),
    };
  }
}

type FaultKind = 'error' | 'reset' | 'timeout' | 'rate-limit';
/** before: nothing changed; after: the change happened, then the answer was lost or failed. */
type FaultPhase = 'before' | 'after';

export interface FaultOptions {
  seed?: number;
  /** Share of API requests answered with a 5xx. */
  errorRate?: number;
  /** Share of API requests whose connection is destroyed. */
  resetRate?: number;
  /** Share of API requests never answered (the client times out). */
  timeoutRate?: number;
  /** Added latency per request, fixed or [min, max] real ms. */
  latencyMs?: number | [number, number];
  /** Share of random faults that strike after the change was applied; default 0.5. */
  afterApplyShare?: number;
}

export interface FaultRule {
  kind: FaultKind;
  /** Route name (`users.create`) or omitted for any API request. */
  operation?: string;
  phase?: FaultPhase;
  /** HTTP status for `error`; default 503 before, 500 after. */
  status?: number;
  retryAfterSeconds?: number;
  /** How many matching requests it strikes; default 1. */
  times?: number;
}

export interface FaultDecision {
  kind: FaultKind;
  phase: FaultPhase;
  status: number;
  retryAfterSeconds?: number;
}

export class FaultPlan {
  private random: () => number;
  private rules: (FaultRule & { left: number })[] = [];

  constructor(private options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Replaces the random fault rates (and reseeds). */
  configure(options: FaultOptions): void {
    this.options = options;
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Scripts the next fault(s) for one operation or for any request. */
  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  clear(): void {
    this.rules = [];
    this.configure({});
  }

  decide(operation: string): FaultDecision | undefined {
    const rule = this.rules.find((r) => r.left > 0 && (!r.operation || r.operation === operation));
    if (rule) {
      rule.left -= 1;
      this.rules = this.rules.filter((r) => r.left > 0);
      const phase = rule.phase ?? 'before';
      return {
        kind: rule.kind,
        phase,
        status: rule.status ?? (rule.kind === 'rate-limit' ? 429 : phase === 'before' ? 503 : 500),
        retryAfterSeconds: rule.retryAfterSeconds,
      };
    }
    const { errorRate = 0, resetRate = 0, timeoutRate = 0 } = this.options;
    if (errorRate + resetRate + timeoutRate === 0) return undefined;
    const roll = this.random();
    const phase: FaultPhase =
      this.random() < (this.options.afterApplyShare ?? 0.5) ? 'after' : 'before';
    // A 503 means "not taken on"; a fault after the change must look like 500/502/504.
    const statuses = phase === 'before' ? [500, 502, 503, 504] : [500, 502, 504];
    const status = statuses[Math.floor(this.random() * statuses.length)]!;
    if (roll < errorRate) return { kind: 'error', phase, status };
    if (roll < errorRate + resetRate) return { kind: 'reset', phase, status: 0 };
    if (roll < errorRate + resetRate + timeoutRate) return { kind: 'timeout', phase, status: 0 };
    return undefined;
  }

  latencyMs(): number {
    const latency = this.options.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return latency[0] + this.random() * (latency[1] - latency[0]);
  }
}
