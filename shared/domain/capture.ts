/**
 * Capture hardware as OBS sees it: which input kinds are cameras, capture cards and microphones on each platform,
 * and which of their settings selects the device. Pure; the I/O is in electron/core/obs/capture.ts.
 */

export type CaptureMedia = 'video' | 'audio';

export interface CaptureSpec {
  /** Unversioned OBS input kind. */
  readonly kind: string;
  readonly media: CaptureMedia;
  /** The input setting (and list property) that selects the device. */
  readonly deviceProperty: string;
}

/**
 * Platform capture kinds. Property names: v4l2_input and pulse_input_capture verified on OBS 29.0.2 (Linux); the
 * others from OBS's plugin sources (win-dshow `video_device_id`, mac-avcapture `device`, the audio plugins
 * `device_id`).
 */
export const CAPTURE_SPECS: readonly CaptureSpec[] = [
  { kind: 'v4l2_input', media: 'video', deviceProperty: 'device_id' },
  { kind: 'dshow_input', media: 'video', deviceProperty: 'video_device_id' },
  { kind: 'av_capture_input', media: 'video', deviceProperty: 'device' },
  { kind: 'pulse_input_capture', media: 'audio', deviceProperty: 'device_id' },
  { kind: 'alsa_input_capture', media: 'audio', deviceProperty: 'device_id' },
  { kind: 'wasapi_input_capture', media: 'audio', deviceProperty: 'device_id' },
  { kind: 'coreaudio_input_capture', media: 'audio', deviceProperty: 'device_id' },
];

/** The capture spec of an input kind (versioned names such as `av_capture_input_v2` match too), or null. */
export function captureSpecOf(kind: string): CaptureSpec | null {
  const bare = kind.replace(/_v\d+$/, '');
  return CAPTURE_SPECS.find((s) => s.kind === bare) ?? null;
}

/** The capture kinds this OBS offers, in the order of CAPTURE_SPECS, with the (possibly versioned) name OBS uses. */
export function captureKindsOffered(inputKinds: readonly string[]): (CaptureSpec & { readonly obsKind: string })[] {
  const out: (CaptureSpec & { readonly obsKind: string })[] = [];
  for (const spec of CAPTURE_SPECS) {
    // Prefer the newest version when OBS offers several (e.g. av_capture_input and av_capture_input_v2).
    const offered = inputKinds.filter((k) => captureSpecOf(k)?.kind === spec.kind).sort();
    const obsKind = offered.at(-1);
    if (obsKind !== undefined) out.push({ ...spec, obsKind });
  }
  return out;
}

/**
 * Temporary inputs the console creates to ask OBS for a kind's device list (OBS lists devices of an existing
 * input only). They are hidden from the mirror and always removed.
 */
export const PROBE_PREFIX = '__showrunner_probe_';

/**
 * `unique` tells probes apart: OBS 29 destroys a removed input a moment after announcing its removal, so a probe
 * of the same name created right after would collide with the dying one.
 */
export function probeInputName(kind: string, unique: string): string {
  return `${PROBE_PREFIX}${kind}_${unique}`;
}

export function isProbeInput(name: string): boolean {
  return name.startsWith(PROBE_PREFIX);
}

/** A plain sentence when devices are missing; null when OBS sees at least one camera and one audio device. */
export function captureMessage(kinds: readonly { readonly media: CaptureMedia; readonly devices: readonly unknown[] }[]): string | null {
  const count = (media: CaptureMedia): number => kinds.filter((k) => k.media === media).reduce((n, k) => n + k.devices.length, 0);
  const video = count('video');
  const audio = count('audio');
  if (video === 0 && audio === 0) return 'OBS sees no cameras or capture cards on this machine, and no microphones or audio capture devices.';
  if (video === 0) return 'OBS sees no cameras or capture cards on this machine.';
  if (audio === 0) return 'OBS sees no microphones or audio capture devices on this machine.';
  return null;
}
