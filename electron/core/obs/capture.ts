import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CaptureKindDevices } from '../../../shared/contract/obs.js';
import {
  captureKindsOffered,
  captureMessage,
  captureSpecOf,
  CAPTURE_SPECS,
  isProbeInput,
  probeInputName,
  type CaptureSpec,
} from '../../../shared/domain/capture.js';
import { settingString } from '../../../shared/domain/obsMirror.js';
import { AppError } from '../../../shared/errors.js';
import type { Logger } from '../logger.js';
import type { ObsConnection } from './connection.js';
import { isObsStatus, ObsRequestError } from './obsRequestError.js';

type KindDevices = z.infer<typeof CaptureKindDevices>;

interface PropertyItem {
  readonly itemName?: unknown;
  readonly itemValue?: unknown;
  readonly itemEnabled?: unknown;
}

async function offeredKinds(conn: ObsConnection): Promise<(CaptureSpec & { readonly obsKind: string })[]> {
  const { inputKinds } = await conn.call<{ inputKinds: string[] }>('GetInputKindList', { unversioned: false });
  return captureKindsOffered(inputKinds);
}

async function listItems(conn: ObsConnection, inputName: string, property: string): Promise<KindDevices['devices']> {
  const r = await conn.call<{ propertyItems: PropertyItem[] }>('GetInputPropertiesListPropertyItems', { inputName, propertyName: property });
  return r.propertyItems.flatMap((i) => {
    const value = settingString(i.itemValue);
    if (value === null) return [];
    return [{ name: typeof i.itemName === 'string' ? i.itemName : value, value, enabled: i.itemEnabled !== false }];
  });
}

/**
 * The devices of one capture kind. OBS lists a property's items only for an existing input, so an input of that
 * kind is used when there is one; otherwise a temporary one is created (hidden: a disabled item in the program
 * scene) and always removed again, also when the listing fails.
 */
async function devicesOf(conn: ObsConnection, spec: CaptureSpec & { readonly obsKind: string }, log: Logger): Promise<KindDevices['devices']> {
  const existing = conn.view().inputs.find((i) => captureSpecOf(i.kind)?.kind === spec.kind);
  if (existing) return listItems(conn, existing.name, spec.deviceProperty);
  const scene = conn.view().programScene;
  if (scene === null) throw new AppError('OBS_NOT_CONNECTED', `OBS "${conn.name}" has no program scene yet`);
  const probe = probeInputName(spec.kind, randomBytes(4).toString('hex'));
  try {
    await conn.call('CreateInput', { sceneName: scene, inputName: probe, inputKind: spec.obsKind, inputSettings: {}, sceneItemEnabled: false });
  } catch (e) {
    // Unless OBS refused, it may exist (a timeout or a drop can hide OBS's success): remove it then.
    if (!(e instanceof ObsRequestError)) await removeProbe(conn, probe, log);
    throw e;
  }
  try {
    return await listItems(conn, probe, spec.deviceProperty);
  } finally {
    await removeProbe(conn, probe, log);
  }
}

async function removeProbe(conn: ObsConnection, probe: string, log: Logger): Promise<void> {
  await conn.call('RemoveInput', { inputName: probe }).catch((e: unknown) => {
    if (isObsStatus(e, 600)) return; // already gone (OBS lists a removed input until it is destroyed)
    log.warn('capture probe input not removed', { connection: conn.name, input: probe, error: String(e) });
  });
}

/** Capture devices OBS sees, per platform capture kind it offers, with a plain sentence when there are none. */
export async function listCaptureDevices(conn: ObsConnection, log: Logger): Promise<{ kinds: KindDevices[]; message: string | null }> {
  // Probes an earlier run could not remove (it died midway) are hidden from the mirror: clear them out here.
  const { inputs } = await conn.call<{ inputs: { inputName: string }[] }>('GetInputList');
  for (const leftover of inputs.filter((i) => isProbeInput(i.inputName))) await removeProbe(conn, leftover.inputName, log);
  const offered = await offeredKinds(conn);
  const kinds: KindDevices[] = [];
  // One kind after the other: at most one probe input exists at any moment.
  for (const spec of offered) {
    kinds.push({ kind: spec.obsKind, media: spec.media, deviceProperty: spec.deviceProperty, devices: await devicesOf(conn, spec, log) });
  }
  return { kinds, message: captureMessage(kinds) };
}

export interface AddCaptureInput {
  readonly scene: string;
  readonly kind: string;
  readonly inputName: string;
  readonly device: string;
}

/** Adds a capture device as a new (visible) input of a scene, its device selected by the kind's device setting. */
export async function addCaptureInput(conn: ObsConnection, a: AddCaptureInput): Promise<{ inputName: string; sceneItemId: number }> {
  const spec = captureSpecOf(a.kind);
  if (!spec) {
    throw new AppError('BAD_INPUT', `"${a.kind}" is not a capture input kind (one of ${CAPTURE_SPECS.map((s) => s.kind).join(', ')})`);
  }
  if (isProbeInput(a.inputName)) throw new AppError('BAD_INPUT', 'that input name is reserved by Showrunner');
  const view = conn.view();
  if (!view.scenes.some((s) => s.name === a.scene)) throw new AppError('NOT_FOUND', `OBS "${conn.name}" has no scene named "${a.scene}"`);
  if (view.inputs.some((i) => i.name === a.inputName)) {
    throw new AppError('CONFLICT', `OBS "${conn.name}" already has an input named "${a.inputName}"`);
  }
  const offered = (await offeredKinds(conn)).find((k) => k.kind === spec.kind);
  if (!offered) throw new AppError('NOT_FOUND', `this OBS has no ${spec.kind} input kind (it belongs to another platform)`);
  const r = await conn.call<{ sceneItemId: number }>('CreateInput', {
    sceneName: a.scene,
    inputName: a.inputName,
    inputKind: offered.obsKind,
    inputSettings: { [spec.deviceProperty]: a.device },
    sceneItemEnabled: true,
  });
  return { inputName: a.inputName, sceneItemId: r.sceneItemId };
}
