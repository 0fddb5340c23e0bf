// The small part of autocannon 8's API the bench uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    amount?: number;
    pipelining?: number;
    /** Seconds. */
    timeout?: number;
    headers?: Record<string, string>;
  }

  /**
   * What the callback receives. In the main thread the histograms are aggregated objects;
   * in a worker thread (where the bench runs it) they stay encoded, so only the counters are read.
   */
  export interface RawResult {
    totalCompletedRequests: number;
    totalRequests: number;
    totalBytes: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds, rounded to 10 ms. */
    duration: number;
  }

  export interface Instance extends EventEmitter {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  function autocannon(options: Options, callback: (error: Error | null, result: RawResult) => void): Instance;
  export default autocannon;
}
