import { describe, expect, it } from 'vitest';
import { captureKindsOffered, captureMessage, captureSpecOf, isProbeInput, probeInputName } from './capture.js';

describe('capture kinds', () => {
  it('knows each platform kind and its device setting', () => {
    expect(captureSpecOf('v4l2_input')).toEqual({ kind: 'v4l2_input', media: 'video', deviceProperty: 'device_id' });
    expect(captureSpecOf('dshow_input')?.deviceProperty).toBe('video_device_id');
    expect(captureSpecOf('av_capture_input_v2')).toEqual({ kind: 'av_capture_input', media: 'video', deviceProperty: 'device' });
    expect(captureSpecOf('wasapi_input_capture')?.media).toBe('audio');
    expect(captureSpecOf('pulse_output_capture')).toBeNull(); // desktop audio is not a capture device
    expect(captureSpecOf('color_source_v3')).toBeNull();
  });

  it("picks the kinds OBS 29 on Linux offers, newest version first", () => {
    // GetInputKindList of OBS 29.0.2 on Debian.
    const linux = ['image_source', 'color_source_v3', 'slideshow', 'xshm_input', 'pulse_input_capture', 'pulse_output_capture', 'v4l2_input', 'ffmpeg_source', 'text_ft2_source_v2'];
    expect(captureKindsOffered(linux).map((k) => [k.kind, k.obsKind])).toEqual([
      ['v4l2_input', 'v4l2_input'],
      ['pulse_input_capture', 'pulse_input_capture'],
    ]);
    expect(captureKindsOffered(['av_capture_input', 'av_capture_input_v2']).map((k) => k.obsKind)).toEqual(['av_capture_input_v2']);
    expect(captureKindsOffered([])).toEqual([]);
  });

  it('names and recognises probe inputs', () => {
    expect(probeInputName('v4l2_input', 'k3x9')).toBe('__showrunner_probe_v4l2_input_k3x9');
    expect(isProbeInput(probeInputName('x', '1'))).toBe(true);
    expect(isProbeInput('Camera')).toBe(false);
  });
});

describe('captureMessage', () => {
  const cam = { name: 'USB Cam', value: '/dev/video0', enabled: true };
  it('says plainly what is missing', () => {
    expect(captureMessage([])).toMatch(/^OBS sees no cameras or capture cards on this machine/);
    expect(
      captureMessage([
        { media: 'video', devices: [] },
        { media: 'audio', devices: [cam] },
      ]),
    ).toBe('OBS sees no cameras or capture cards on this machine.');
    expect(
      captureMessage([
        { media: 'video', devices: [cam] },
        { media: 'audio', devices: [] },
      ]),
    ).toBe('OBS sees no microphones or audio capture devices on this machine.');
    expect(
      captureMessage([
        { media: 'video', devices: [cam] },
        { media: 'audio', devices: [cam] },
      ]),
    ).toBeNull();
  });
});
