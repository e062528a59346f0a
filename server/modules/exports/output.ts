/**
 * Where an export's bytes go (an HTTP response, a file), written at the pace the destination takes them: a write
 * waits while the destination's buffer is full, and a destination that went away (a client that left) stops the
 * export instead of letting it run on for nobody.
 */
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Thrown when the destination is gone; the export stops there, nothing to report. */
export class OutputClosedError extends Error {
  override readonly name = 'OutputClosedError';
  constructor() {
    super('the export’s destination was closed');
  }
}

/** Takes an export's bytes. */
export interface ByteSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** Resolves when the stream can take more; rejects when it closed first. */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      if (error) reject(error instanceof Error ? error : new OutputClosedError());
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new OutputClosedError());
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}

/**
 * A sink writing to `stream`. After each chunk it lets the event loop turn once, so an export over an embedded
 * database (whose queries need no real I/O) never keeps the loop from other requests.
 */
export function streamSink(stream: Writable): ByteSink {
  return {
    async write(chunk) {
      if (stream.destroyed || stream.writableEnded) throw new OutputClosedError();
      if (!stream.write(chunk)) await drained(stream);
      await nextTurn();
    },
  };
}
