import { describe, expect, it } from 'vitest';
import {
  bitrateKbps,
  deriveHealth,
  healthConditions,
  healthThresholdsOf,
  median,
  parseRawRecord,
  parseRawStats,
  parseRawStream,
  pctOfDelta,
  type DerivedHealth,
  type RawHealth,
} from './health.js';

const stats = (renderSkipped = 0, renderTotal = 0, outSkipped = 0, outTotal = 0) => ({
  activeFps: 30,
  cpuUsage: 12.3456,
  memoryUsage: 210.55,
  averageFrameRenderTime: 1.23456,
  renderSkippedFrames: renderSkipped,
  renderTotalFrames: renderTotal,
  outputSkippedFrames: outSkipped,
  outputTotalFrames: outTotal,
});

function raw(at: number, bytes: number, skipped: number, total: number, active = true): RawHealth {
  return {
    at,
    stats: stats(0, total, 0, total),
    stream: {
      outputActive: active,
      outputReconnecting: false,
      outputBytes: bytes,
      outputSkippedFrames: skipped,
      outputTotalFrames: total,
      outputCongestion: 0,
      outputDuration: at,
    },
    record: { outputActive: false, outputPaused: false, outputBytes: 0, outputDuration: 0 },
  };
}

describe('bitrateKbps', () => {
  it('is bits per millisecond of the byte delta', () => {
    expect(bitrateKbps(0, 0, 125_000, 1000)).toBe(1000); // 1,000,000 bits in 1 s
    expect(bitrateKbps(1000, 5000, 101_000, 6000)).toBe(800);
  });
  it('is null without a previous value, without elapsed time, or after a counter restart', () => {
    expect(bitrateKbps(null, 0, 100, 1000)).toBeNull();
    expect(bitrateKbps(0, 1000, 100, 1000)).toBeNull();
    expect(bitrateKbps(5000, 0, 100, 1000)).toBeNull();
  });
});

describe('pctOfDelta', () => {
  it('computes skipped/total of the deltas in percent', () => {
    expect(pctOfDelta(10, 1000, 13, 1300)).toBe(1);
    expect(pctOfDelta(0, 0, 0, 300)).toBe(0);
  });
  it('is null with no frames or after a reset', () => {
    expect(pctOfDelta(0, 300, 0, 300)).toBeNull();
    expect(pctOfDelta(5, 300, 0, 400)).toBeNull();
  });
});

describe('median', () => {
  it('handles odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('deriveHealth', () => {
  it('derives bitrate from byte deltas and dropped frames over 10 s', () => {
    const history = [raw(0, 0, 0, 0), raw(1000, 100_000, 0, 30)];
    const cur = raw(2000, 200_000, 3, 60);
    const h = deriveHealth('main', cur, history);
    expect(h.stream.bitrateKbps).toBe(800);
    expect(h.stream.droppedPct10s).toBe(5); // 3 of 60 since t=0
    expect(h.stream.active).toBe(true);
    expect(h.cpuUsage).toBe(12.35);
    expect(h.memoryMb).toBe(210.6);
  });

  it('uses only samples inside the 10 s window for dropped frames', () => {
    const history = [raw(0, 0, 100, 100), raw(1000, 1, 100, 130)];
    for (let t = 2000; t <= 11_000; t += 1000) history.push(raw(t, t, 100, 100 + (t / 1000) * 30));
    const cur = raw(12_000, 12_000, 103, 460);
    // window starts at t=2000 (total 160, skipped 100): 3 of 300
    expect(deriveHealth('main', cur, history).stream.droppedPct10s).toBe(1);
  });

  it('reports an inactive stream without bitrate', () => {
    const h = deriveHealth('main', raw(1000, 0, 0, 0, false), [raw(0, 0, 0, 0, false)]);
    expect(h.stream.active).toBe(false);
    expect(h.stream.bitrateKbps).toBeNull();
    expect(h.stream.droppedPct10s).toBeNull();
  });

  it('survives missing parts of a sample', () => {
    const h = deriveHealth('main', { at: 5, stats: null, stream: null, record: null }, []);
    expect(h.activeFps).toBeNull();
    expect(h.stream.active).toBe(false);
    expect(h.renderLagPct).toBeNull();
  });

  it('computes render and encode lag from the previous sample', () => {
    const prev: RawHealth = { at: 0, stats: stats(0, 100, 0, 100), stream: null, record: null };
    const cur: RawHealth = { at: 1000, stats: stats(3, 130, 6, 130), stream: null, record: null };
    const h = deriveHealth('main', cur, [prev]);
    expect(h.renderLagPct).toBe(10);
    expect(h.encodeLagPct).toBe(20);
  });
});

function series(bitrates: number[], dropped: (number | null)[] = []): DerivedHealth[] {
  return bitrates.map((b, i) => ({
    ...deriveHealth('main', raw(i * 1000, 0, 0, 0), []),
    stream: {
      active: true,
      reconnecting: false,
      bytes: 0,
      skippedFrames: 0,
      totalFrames: 0,
      congestion: 0,
      durationMs: i * 1000,
      bitrateKbps: b,
      droppedPct10s: dropped[i] ?? 0,
    },
  }));
}

describe('healthConditions', () => {
  it('fires the dropped-frames rule above 1 % and not at it', () => {
    expect(healthConditions(series([800, 800], [0, 1])).map((c) => c.rule)).toEqual([]);
    const c = healthConditions(series([800, 800], [0, 1.2]));
    expect(c).toEqual([expect.objectContaining({ rule: 'stream.droppedFrames', severity: 'warning' })]);
    expect(healthConditions(series([800, 800], [0, 7]))[0]?.severity).toBe('critical');
  });

  it('fires low bitrate only after 5 s below half the median', () => {
    const steady = Array<number>(20).fill(800);
    expect(healthConditions(series([...steady, 300, 300, 300, 300]))).toEqual([]);
    const fired = healthConditions(series([...steady, 300, 300, 300, 300, 300]));
    expect(fired.map((c) => c.rule)).toEqual(['stream.lowBitrate']);
    expect(fired[0]?.message).toContain('800');
  });

  it('does not fire when one sample in the window recovers', () => {
    const steady = Array<number>(20).fill(800);
    expect(healthConditions(series([...steady, 300, 300, 500, 300, 300]))).toEqual([]);
  });

  it('needs a baseline before judging the bitrate', () => {
    expect(healthConditions(series([800, 800, 100, 100, 100, 100, 100]))).toEqual([]);
  });

  it('follows the studio\'s thresholds from Settings → Alerts, and says nothing when the rule is off', () => {
    const strict = healthThresholdsOf({ enabled: true, droppedPct: 5, lowBitratePct: 80, lowBitrateForSec: 3 });
    expect(strict).not.toBeNull();
    if (strict === null) return;
    expect(healthConditions(series([800, 800], [0, 3]), strict)).toEqual([]);
    expect(healthConditions(series([800, 800], [0, 5.5]), strict).map((c) => c.rule)).toEqual(['stream.droppedFrames']);
    const steady = Array<number>(20).fill(800);
    // 600 is above half the median (the default never fires) but below 80 % of it; three seconds suffice here.
    expect(healthConditions(series([...steady, 600, 600, 600, 600, 600, 600]))).toEqual([]);
    expect(healthConditions(series([...steady, 600, 600, 600, 600]), strict).map((c) => c.rule)).toEqual(['stream.lowBitrate']);
    expect(healthThresholdsOf({ enabled: false, droppedPct: 1, lowBitratePct: 50, lowBitrateForSec: 5 })).toBeNull();
  });

  it('says nothing while the stream is off', () => {
    const s = series([800]);
    const off = s.map((x) => ({ ...x, stream: { ...x.stream, active: false, droppedPct10s: 50 } }));
    expect(healthConditions(off)).toEqual([]);
  });
});

describe('parseRaw*', () => {
  it('takes what OBS 29 answers', () => {
    // Answers recorded from OBS 29.0.2 / obs-websocket 5.1.0.
    const stats = {
      activeFps: 30.000000300000007,
      availableDiskSpace: 80386.37890625,
      averageFrameRenderTime: 1.322195,
      cpuUsage: 7.107843137254902,
      memoryUsage: 220.0234375,
      outputSkippedFrames: 0,
      outputTotalFrames: 0,
      renderSkippedFrames: 2,
      renderTotalFrames: 189,
      webSocketSessionIncomingMessages: 23,
      webSocketSessionOutgoingMessages: 23,
    };
    expect(parseRawStats(stats)).toMatchObject({ activeFps: 30.000000300000007, renderSkippedFrames: 2, renderTotalFrames: 189 });
    const stream = {
      outputActive: true,
      outputBytes: 58812,
      outputCongestion: 0,
      outputDuration: 599,
      outputReconnecting: false,
      outputSkippedFrames: 0,
      outputTimecode: '00:00:00.599',
      outputTotalFrames: 18,
    };
    expect(parseRawStream(stream)).toEqual({
      outputActive: true,
      outputReconnecting: false,
      outputBytes: 58812,
      outputSkippedFrames: 0,
      outputTotalFrames: 18,
      outputCongestion: 0,
      outputDuration: 599,
    });
    const record = { outputActive: true, outputBytes: 195838, outputDuration: 1833, outputPaused: false, outputTimecode: '00:00:01.833' };
    expect(parseRawRecord(record)).toEqual({ outputActive: true, outputPaused: false, outputBytes: 195838, outputDuration: 1833 });
  });

  it('refuses what is not an answer of that request', () => {
    expect(parseRawStats(null)).toBeNull();
    expect(parseRawStats({ activeFps: 30 })).toBeNull();
    expect(parseRawStream({ outputActive: 'yes', outputBytes: 1, outputSkippedFrames: 0, outputTotalFrames: 0 })).toBeNull();
    expect(parseRawRecord({ outputActive: true })).toBeNull();
    expect(parseRawStream({ outputActive: false, outputBytes: 0, outputSkippedFrames: 0, outputTotalFrames: Infinity })).toBeNull();
  });
});
