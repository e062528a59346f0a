/**
 * Per-document counters of the collaboration endpoint: connections, updates and their sizes, persistence
 * latency. Rendered in Prometheus' text format at /metrics and summarised in the logs.
 */

interface DocumentCounters {
  connections: number;
  updates: number;
  updateBytes: number;
  batches: number;
  persistMsTotal: number;
  persistMsMax: number;
}

/** Counts what happens to each open document on this node. */
export class CollabMetrics {
  readonly #documents = new Map<string, DocumentCounters>();

  #of(doc: string): DocumentCounters {
    let counters = this.#documents.get(doc);
    if (counters === undefined) {
      counters = { connections: 0, updates: 0, updateBytes: 0, batches: 0, persistMsTotal: 0, persistMsMax: 0 };
      this.#documents.set(doc, counters);
    }
    return counters;
  }

  /** A socket attached to the document. */
  connectionOpened(doc: string): void {
    this.#of(doc).connections += 1;
  }

  /** A socket left the document. */
  connectionClosed(doc: string): void {
    this.#of(doc).connections -= 1;
  }

  /** A client's update was accepted for storage. */
  updateReceived(doc: string, bytes: number): void {
    const counters = this.#of(doc);
    counters.updates += 1;
    counters.updateBytes += bytes;
  }

  /** A batch of updates was committed, taking `latencyMs`. */
  persisted(doc: string, _updates: number, latencyMs: number): void {
    const counters = this.#of(doc);
    counters.batches += 1;
    counters.persistMsTotal += latencyMs;
    counters.persistMsMax = Math.max(counters.persistMsMax, latencyMs);
  }

  /** The document was unloaded from this node. */
  forget(doc: string): void {
    this.#documents.delete(doc);
  }

  /** Current counters, for logs and tests. */
  snapshot(): Record<string, DocumentCounters> {
    return Object.fromEntries([...this.#documents].map(([doc, counters]) => [doc, { ...counters }]));
  }

  /** The counters in Prometheus' text exposition format. */
  prometheus(): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, value: (c: DocumentCounters) => number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [doc, counters] of this.#documents) lines.push(`${name}{document="${doc}"} ${value(counters)}`);
    };
    metric('collab_connections', 'gauge', 'Open collaboration sockets per document on this node', (c) => c.connections);
    metric('collab_updates_total', 'counter', 'Client updates accepted per document', (c) => c.updates);
    metric('collab_update_bytes_total', 'counter', 'Bytes of client updates accepted per document', (c) => c.updateBytes);
    metric('collab_persist_batches_total', 'counter', 'Committed batches per document', (c) => c.batches);
    metric('collab_persist_ms_total', 'counter', 'Milliseconds spent committing per document', (c) => c.persistMsTotal);
    metric('collab_persist_ms_max', 'gauge', 'Slowest commit per document, in milliseconds', (c) => c.persistMsMax);
    return `${lines.join('\n')}\n`;
  }
}
