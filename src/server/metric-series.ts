import type { Metric, Registry } from "prom-client";

interface Series {
  labels: Record<string, string>;
  /** Per bucket (the last one is +Inf), not cumulative; a histogram's only. */
  buckets: number[];
  sum: number;
  count: number;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A counter or histogram whose hot path is one Map lookup and a few additions; prom-client's
 * registry formats it at scrape time. prom-client's own `observe`/`inc` validate, hash and
 * stringify the labels on every call: about 3% of a turn's CPU for the ~8 updates of a turn.
 */
abstract class SeriesMetric {
  abstract readonly type: "counter" | "histogram";
  readonly aggregator = "sum";
  protected readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** `values` in the order of `labelNames`. */
  protected seriesFor(values: readonly string[], bucketCount: number): Series {
    const key = values.join("\u0001");
    let series = this.series.get(key);
    if (!series) {
      const labels: Record<string, string> = {};
      this.labelNames.forEach((name, i) => {
        labels[name] = values[i] ?? "";
      });
      series = { labels, buckets: new Array<number>(bucketCount).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    return series;
  }

  protected abstract samples(): Sample[];

  /** What the registry formats (prom-client's metric interface). */
  async get() {
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values: this.samples(),
    };
  }

  reset(): void {
    this.series.clear();
  }
}

export class SeriesCounter extends SeriesMetric {
  readonly type = "counter";

  constructor(name: string, help: string, labelNames: readonly string[], registry: Registry) {
    super(name, help, labelNames, registry);
    // Without labels there is one series, shown at 0 from the start.
    if (labelNames.length === 0) this.seriesFor([], 0);
  }

  inc(values: readonly string[], by = 1): void {
    this.seriesFor(values, 0).sum += by;
  }

  protected samples(): Sample[] {
    return [...this.series.values()].map((series) => ({
      metricName: this.name,
      labels: series.labels,
      value: series.sum,
    }));
  }
}

export class SeriesHistogram extends SeriesMetric {
  readonly type = "histogram";
  readonly #bounds: readonly number[];

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    bounds: readonly number[],
    registry: Registry,
  ) {
    super(name, help, labelNames, registry);
    this.#bounds = bounds;
    if (labelNames.length === 0) this.seriesFor([], bounds.length + 1);
  }

  observe(values: readonly string[], value: number): void {
    const series = this.seriesFor(values, this.#bounds.length + 1);
    let bucket = 0;
    while (bucket < this.#bounds.length && value > this.#bounds[bucket]!) bucket++;
    series.buckets[bucket]! += 1;
    series.sum += value;
    series.count += 1;
  }

  protected samples(): Sample[] {
    const samples: Sample[] = [];
    for (const series of this.series.values()) {
      let cumulative = 0;
      series.buckets.forEach((count, i) => {
        cumulative += count;
        samples.push({
          metricName: `${this.name}_bucket`,
          labels: { ...series.labels, le: i < this.#bounds.length ? this.#bounds[i]! : "+Inf" },
          value: cumulative,
        });
      });
      samples.push({ metricName: `${this.name}_sum`, labels: series.labels, value: series.sum });
      samples.push({
        metricName: `${this.name}_count`,
        labels: series.labels,
        value: series.count,
      });
    }
    return samples;
  }
}
