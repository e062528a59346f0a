import { describe, expect, it } from 'vitest';
import { Turns } from './turns.ts';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('turns on the event loop', () => {
  it('HIST7 streams take turns in order, and each loop iteration holds only a slice of them', async () => {
    const turns = new Turns(5);
    const order: string[] = [];
    let iterations = 0;
    let running = true;
    const count = () => {
      iterations += 1;
      if (running) setImmediate(count);
    };
    setImmediate(count);
    // Three streams, 2 ms of work per line, 20 lines each: at most three lines fit in a 5 ms slice.
    await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        for (let line = 0; line < 20; line += 1) {
          await turns.wait();
          order.push(name);
          busy(2);
        }
      }),
    );
    running = false;
    expect(order.slice(0, 9)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    expect(iterations).toBeGreaterThanOrEqual(60 / 3);
  });
});
