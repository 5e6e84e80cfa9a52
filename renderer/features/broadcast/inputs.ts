import type { ObsConnectionView, ObsInput, ObsScene, ObsSceneItem, ObsStateView } from '../../../shared/contract/obs.js';
import { MAIN_CONNECTION } from '../obs/obsState.js';

/** OBS text source kinds (FreeType 2 on Linux/macOS, GDI+ on Windows, any version suffix). */
export function isTextKind(kind: string | null): boolean {
  return kind !== null && /^text_(ft2_source|gdiplus)/.test(kind);
}

/** Inputs with audio, in OBS's order: the mixer's strips. */
export function audioInputs(c: ObsConnectionView): ObsInput[] {
  return c.inputs.filter((i) => i.audio);
}

/** Text sources whose text the producer can set. */
export function textInputs(c: ObsConnectionView): ObsInput[] {
  return c.inputs.filter((i) => isTextKind(i.kind));
}

/** Capture device inputs (cameras, capture cards, microphones). */
export function captureInputs(c: ObsConnectionView): (ObsInput & { capture: NonNullable<ObsInput['capture']> })[] {
  return c.inputs.filter((i): i is ObsInput & { capture: NonNullable<ObsInput['capture']> } => i.capture !== null);
}

/** A scene's items as OBS lists them in its Sources dock: the top of the stack (highest index) first. */
export function itemsTopFirst(scene: ObsScene): ObsSceneItem[] {
  return [...scene.items].sort((a, b) => b.index - a.index);
}

/**
 * The scene whose items the panel shows: the one the producer picked if it still exists, else the scene being
 * prepared (preview, in studio mode), else the program scene, else the first.
 */
export function focusedScene(c: ObsConnectionView, picked: string | null): ObsScene | null {
  const find = (name: string | null): ObsScene | undefined => (name === null ? undefined : c.scenes.find((s) => s.name === name));
  return find(picked) ?? (c.studioMode ? find(c.previewScene) : undefined) ?? find(c.programScene) ?? c.scenes[0] ?? null;
}

/** The connection the Live page drives: the picked one if it exists, else "main", else the first. */
export function pickConnection(state: ObsStateView | null, picked: string | null): ObsConnectionView | null {
  if (!state) return null;
  const find = (name: string | null): ObsConnectionView | undefined =>
    name === null ? undefined : state.connections.find((c) => c.name === name);
  return find(picked) ?? find(MAIN_CONNECTION) ?? state.connections[0] ?? null;
}
