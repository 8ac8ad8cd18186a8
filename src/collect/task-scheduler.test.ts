/** Task admission: a paused task gives its slot to others and gets it back first. Fake sleeps, no clock. */
import { describe, expect, it } from 'vitest';
import { TaskScheduler } from './task-scheduler.js';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A sleep that ends only when the test says so. */
function manualSleep() {
  const pending: (() => void)[] = [];
  return {
    sleep: () => new Promise<void>((resolve) => pending.push(resolve)),
    wakeAll: () => pending.splice(0).forEach((wake) => wake()),
    get sleeping() {
      return pending.length;
    },
  };
}

describe('TaskScheduler', () => {
  it('a task polling with pause() holds no slot while it waits', async () => {
    const clock = manualSleep();
    const scheduler = new TaskScheduler({ total: 1, perAccount: 1, sleep: clock.sleep });
    const events: string[] = [];
    const poller = scheduler.run('a', async (task) => {
      events.push('poll 1');
      await task.pause(1_000);
      events.push('poll 2');
    });
    const other = scheduler.run('b', () => {
      events.push('b runs');
      return Promise.resolve();
    });
    await settle();
    // With one slot, b ran while a slept.
    expect(events).toEqual(['poll 1', 'b runs']);
    expect(clock.sleeping).toBe(1);
    clock.wakeAll();
    await Promise.all([poller, other]);
    expect(events).toEqual(['poll 1', 'b runs', 'poll 2']);
    expect(scheduler.running).toBe(0);
    expect(scheduler.maxRunning).toBe(1);
  });

  it('a task resuming from a pause goes before tasks that have not started', async () => {
    const clock = manualSleep();
    const scheduler = new TaskScheduler({ total: 1, perAccount: 1, sleep: clock.sleep });
    const events: string[] = [];
    let releaseBlocker: () => void = () => undefined;
    const poller = scheduler.run('a', async (task) => {
      await task.pause(10);
      events.push('a resumed');
    });
    await settle();
    const blocker = scheduler.run('b', () => new Promise<void>((resolve) => (releaseBlocker = resolve)));
    const late = scheduler.run('c', () => {
      events.push('c runs');
      return Promise.resolve();
    });
    await settle();
    clock.wakeAll();
    await settle();
    releaseBlocker();
    await Promise.all([poller, blocker, late]);
    expect(events).toEqual(['a resumed', 'c runs']);
  });

  it('pauses from parallel branches of one task give the slot back once and take it back once', async () => {
    const clock = manualSleep();
    const scheduler = new TaskScheduler({ total: 2, perAccount: 2, sleep: clock.sleep });
    const task = scheduler.run('a', async (handle) => {
      await Promise.all([handle.pause(5), handle.pause(5), handle.pause(5)]);
    });
    await settle();
    expect(scheduler.running).toBe(0);
    clock.wakeAll();
    await task;
    expect(scheduler.running).toBe(0);
    expect(scheduler.maxRunning).toBe(1);
  });

  it('caps tasks per account and interleaves accounts', async () => {
    const scheduler = new TaskScheduler({ total: 2, perAccount: 1, sleep: () => Promise.resolve() });
    const order: string[] = [];
    const jobs = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((label) =>
      scheduler.run(label.charAt(0), async () => {
        order.push(label);
        await settle();
      }),
    );
    await Promise.all(jobs);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });
});
