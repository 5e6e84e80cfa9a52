import { describe, expect, it } from 'vitest';
import type { DerivedHealth } from '../../../shared/domain/health.js';
import { createLogger, memorySink } from '../logger.js';
import { createManualClock } from '../manualClock.js';
import { HealthSampler } from './healthSampler.js';

const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

function obsLike() {
  let bytes = 0;
  let frames = 0;
  let down = false;
  const calls: string[] = [];
  return {
    calls,
    setDown: (d: boolean) => (down = d),
    call(type: string): Promise<unknown> {
      calls.push(type);
      if (down) return Promise.reject(new Error('not connected'));
      switch (type) {
        case 'GetStats':
          return Promise.resolve({ activeFps: 30, cpuUsage: 5, memoryUsage: 200, averageFrameRenderTime: 1, renderSkippedFrames: 0, renderTotalFrames: frames, outputSkippedFrames: 0, outputTotalFrames: frames });
        case 'GetStreamStatus':
          bytes += 125_000; // 1,000 kbit per 1 s sample
          frames += 30;
          return Promise.resolve({ outputActive: true, outputReconnecting: false, outputBytes: bytes, outputSkippedFrames: 0, outputTotalFrames: frames, outputCongestion: 0, outputDuration: frames * 33 });
        case 'GetRecordStatus':
          // Failing part: becomes null, the rest still counts.
          return Promise.reject(new Error('refused'));
        default:
          return Promise.reject(new Error(`unexpected ${type}`));
      }
    },
  };
}

describe('HealthSampler', () => {
  it('samples once a period, derives bitrate, keeps a bounded history and stops', async () => {
    const clock = createManualClock();
    const obs = obsLike();
    const seen: { sample: DerivedHealth; recent: number }[] = [];
    const s = new HealthSampler({
      connection: 'main',
      clock,
      log: createLogger('t', memorySink()),
      call: (t) => obs.call(t),
      onSample: (sample, recent) => seen.push({ sample, recent: recent.length }),
      keep: 5,
    });
    s.start();
    for (let i = 0; i < 8; i++) {
      clock.advance(i === 0 ? 0 : 1000);
      await flush();
    }
    expect(seen).toHaveLength(8);
    expect(seen[0]?.sample.stream.bitrateKbps).toBeNull(); // no previous sample yet
    expect(seen[1]?.sample.stream.bitrateKbps).toBe(1000);
    expect(seen[7]?.sample.record.active).toBe(false);
    expect(seen[7]?.sample.record.bytes).toBeNull();
    expect(seen.map((x) => x.sample.at - (seen[0]?.sample.at ?? 0))).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000]);
    expect(s.samples(100)).toHaveLength(5);
    expect(s.samples(2).map((x) => x.at)).toEqual([seen[6]?.sample.at, seen[7]?.sample.at]);

    s.stop();
    clock.advance(5000);
    await flush();
    expect(seen).toHaveLength(8);
    expect(clock.pending()).toBe(0);
  });

  it('records nothing for a tick where OBS answered nothing, and never runs two ticks at once', async () => {
    const clock = createManualClock();
    const obs = obsLike();
    let n = 0;
    const s = new HealthSampler({ connection: 'main', clock, log: createLogger('t', memorySink()), call: (t) => obs.call(t), onSample: () => n++ });
    obs.setDown(true);
    s.start();
    clock.advance(0);
    await flush();
    expect(n).toBe(0);
    s.start(); // already running: no second loop
    obs.setDown(false);
    clock.advance(1000);
    await flush();
    expect(n).toBe(1);
    expect(obs.calls.filter((c) => c === 'GetStats')).toHaveLength(2);
    s.stop();
  });
});
