import type { z } from 'zod';
import type { CaptureKindDevices } from '../../../../shared/contract/obs.js';

export type CaptureKind = z.infer<typeof CaptureKindDevices>;

/** Kinds split by medium: cameras and capture cards first, then audio inputs; kinds keep OBS's order. */
export function kindsByMedia(kinds: readonly CaptureKind[]): { video: CaptureKind[]; audio: CaptureKind[] } {
  return { video: kinds.filter((k) => k.media === 'video'), audio: kinds.filter((k) => k.media === 'audio') };
}

export function deviceCount(kinds: readonly CaptureKind[]): number {
  return kinds.reduce((n, k) => n + k.devices.length, 0);
}

/** The name of the device an input uses, from the listed devices; the raw value when it is not listed. */
export function deviceName(kinds: readonly CaptureKind[], inputKind: string, value: string | null): string | null {
  if (value === null) return null;
  const kind = kinds.find((k) => k.kind === inputKind);
  return kind?.devices.find((d) => d.value === value)?.name ?? value;
}

/**
 * A name for a new input that no existing input or scene uses (OBS names are unique across both): the device's
 * name, then "name 2", "name 3"…; trimmed to the contract's 200 characters.
 */
export function uniqueInputName(base: string, taken: ReadonlySet<string>): string {
  const stem = (base.trim() || 'Capture').slice(0, 190);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
