import { describe, expect, it } from 'vitest';
import { deviceCount, deviceName, kindsByMedia, uniqueInputName, type CaptureKind } from './capture.js';

const kinds: CaptureKind[] = [
  { kind: 'pulse_input_capture', media: 'audio', deviceProperty: 'device_id', devices: [{ name: 'USB Mic', value: 'alsa_input.usb', enabled: true }] },
  {
    kind: 'v4l2_input',
    media: 'video',
    deviceProperty: 'device_id',
    devices: [
      { name: 'HD Webcam', value: '/dev/video0', enabled: true },
      { name: 'Capture card', value: '/dev/video2', enabled: true },
    ],
  },
];

describe('capture helpers', () => {
  it('splits kinds by medium and counts devices', () => {
    const { video, audio } = kindsByMedia(kinds);
    expect(video.map((k) => k.kind)).toEqual(['v4l2_input']);
    expect(audio.map((k) => k.kind)).toEqual(['pulse_input_capture']);
    expect(deviceCount(kinds)).toBe(3);
    expect(deviceCount([])).toBe(0);
  });

  it('names the device an input uses, or shows its raw value', () => {
    expect(deviceName(kinds, 'v4l2_input', '/dev/video2')).toBe('Capture card');
    expect(deviceName(kinds, 'v4l2_input', '/dev/video9')).toBe('/dev/video9');
    expect(deviceName(kinds, 'v4l2_input', null)).toBeNull();
  });

  it('picks an input name nobody uses yet', () => {
    expect(uniqueInputName('HD Webcam', new Set())).toBe('HD Webcam');
    expect(uniqueInputName('HD Webcam', new Set(['HD Webcam', 'HD Webcam 2']))).toBe('HD Webcam 3');
    expect(uniqueInputName('  ', new Set())).toBe('Capture');
    expect(uniqueInputName('x'.repeat(300), new Set())).toHaveLength(190);
  });
});
