import { z } from 'zod';

export const ConnectionName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w\- ]+$/, 'connection name may hold letters, digits, spaces, - and _');

export const ObsUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^wss?:\/\/[^\s/]+(:\d{1,5})?\/?$/, 'OBS URL must look like ws://127.0.0.1:4455');

export const ObsStatus = z.enum(['disconnected', 'connecting', 'identified', 'reconnecting', 'failed']);
export type ObsStatus = z.infer<typeof ObsStatus>;

export const ObsFailure = z.enum(['auth', 'version', 'config', 'network']);
export type ObsFailure = z.infer<typeof ObsFailure>;

/** An item of a scene: a source placed in it. `id` is OBS's sceneItemId (stable within the scene). */
export const ObsSceneItem = z.object({
  id: z.number().int(),
  sourceName: z.string(),
  inputKind: z.string().nullable(),
  enabled: z.boolean(),
  locked: z.boolean(),
  index: z.number().int(),
});
export type ObsSceneItem = z.infer<typeof ObsSceneItem>;

export const ObsScene = z.object({ name: z.string(), index: z.number().int(), items: z.array(ObsSceneItem).default([]) });
export type ObsScene = z.infer<typeof ObsScene>;

/** An OBS input (source that is not a scene). Audio fields are null for inputs without audio. */
export const ObsInput = z.object({
  name: z.string(),
  kind: z.string(),
  audio: z.boolean(),
  muted: z.boolean().nullable(),
  volumeDb: z.number().nullable(),
  /** Capture device inputs (cameras, capture cards, microphones): which device and whether OBS shows it active. */
  capture: z
    .object({ deviceProperty: z.string(), device: z.string().nullable(), active: z.boolean().nullable() })
    .nullable(),
});
export type ObsInput = z.infer<typeof ObsInput>;

export const ObsOutputState = z.object({
  active: z.boolean(),
  /** Stream only: OBS is trying to reconnect to the ingest. Record: paused. */
  reconnecting: z.boolean(),
  paused: z.boolean(),
  /** When the output became active (console clock), null when inactive or unknown. */
  since: z.number().nullable(),
});
export type ObsOutputState = z.infer<typeof ObsOutputState>;

export const ObsOutputs = z.object({
  stream: ObsOutputState,
  record: ObsOutputState,
  /** null: this OBS has no replay buffer configured. */
  replayBuffer: ObsOutputState.nullable(),
  /** null: this OBS has no virtual camera. */
  virtualCam: ObsOutputState.nullable(),
});
export type ObsOutputs = z.infer<typeof ObsOutputs>;

export const ObsTransitions = z.object({
  current: z.string().nullable(),
  durationMs: z.number().nullable(),
  available: z.array(z.string()),
});

/** What the UI sees of one OBS connection. The password never leaves the core. */
export const ObsConnectionView = z.object({
  name: z.string(),
  url: z.string(),
  hasPassword: z.boolean(),
  status: ObsStatus,
  failure: ObsFailure.nullable(),
  message: z.string().nullable(),
  epoch: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  nextRetryAt: z.number().nullable(),
  obsVersion: z.string().nullable(),
  websocketVersion: z.string().nullable(),
  scenes: z.array(ObsScene),
  programScene: z.string().nullable(),
  previewScene: z.string().nullable(),
  studioMode: z.boolean(),
  transitions: ObsTransitions,
  inputs: z.array(ObsInput),
  outputs: ObsOutputs,
});
export type ObsConnectionView = z.infer<typeof ObsConnectionView>;

export const ObsStateView = z.object({ connections: z.array(ObsConnectionView) });
export type ObsStateView = z.infer<typeof ObsStateView>;

export const obsCommands = {
  'obs.getState': { input: z.object({}).default({}), output: ObsStateView },
  /** Saves a connection's URL and password (omit password to keep the stored one) and connects. */
  'obs.configure': {
    input: z.object({
      name: ConnectionName.default('main'),
      url: ObsUrl,
      password: z.string().max(200).optional(),
      autoConnect: z.boolean().default(true),
    }),
    output: ObsConnectionView,
  },
  'obs.connect': { input: z.object({ name: ConnectionName.default('main') }), output: ObsConnectionView },
  'obs.disconnect': { input: z.object({ name: ConnectionName.default('main') }), output: ObsConnectionView },
  /** Switches the program scene of one OBS connection (outside studio mode: live at once). */
  'obs.setScene': {
    input: z.object({ connection: ConnectionName.default('main'), scene: z.string().min(1).max(200) }),
    output: z.object({ connection: z.string(), scene: z.string() }),
  },
} as const;

const Conn = { connection: ConnectionName.default('main') };
const Name200 = z.string().min(1).max(200);

/** One health sample of one OBS, taken every second while connected; derived figures are computed in shared/domain/health. */
export const HealthSample = z.object({
  connection: z.string(),
  at: z.number(),
  activeFps: z.number().nullable(),
  cpuUsage: z.number().nullable(),
  memoryMb: z.number().nullable(),
  averageFrameRenderTimeMs: z.number().nullable(),
  renderSkippedFrames: z.number().int().nullable(),
  renderTotalFrames: z.number().int().nullable(),
  outputSkippedFrames: z.number().int().nullable(),
  outputTotalFrames: z.number().int().nullable(),
  stream: z.object({
    active: z.boolean(),
    reconnecting: z.boolean(),
    bytes: z.number().nullable(),
    skippedFrames: z.number().int().nullable(),
    totalFrames: z.number().int().nullable(),
    congestion: z.number().nullable(),
    durationMs: z.number().nullable(),
    /** From the byte delta to the previous sample; null for the first sample or when inactive. */
    bitrateKbps: z.number().nullable(),
    /** Skipped / total output frames of the stream over the last 10 s, in percent. */
    droppedPct10s: z.number().nullable(),
  }),
  record: z.object({
    active: z.boolean(),
    paused: z.boolean(),
    bytes: z.number().nullable(),
    durationMs: z.number().nullable(),
    bitrateKbps: z.number().nullable(),
  }),
  /** Frames skipped by rendering (render lag) and by encoding (encode lag) since the previous sample, in percent. */
  renderLagPct: z.number().nullable(),
  encodeLagPct: z.number().nullable(),
});
export type HealthSample = z.infer<typeof HealthSample>;

export const CaptureDevice = z.object({ name: z.string(), value: z.string(), enabled: z.boolean() });

export const CaptureKindDevices = z.object({
  kind: z.string(),
  media: z.enum(['video', 'audio']),
  /** The input setting that selects the device (e.g. device_id, video_device_id). */
  deviceProperty: z.string(),
  devices: z.array(CaptureDevice),
});

export const obsControlCommands = {
  'obs.setPreviewScene': { input: z.object({ ...Conn, scene: Name200 }), output: z.object({ scene: z.string() }) },
  'obs.setStudioMode': { input: z.object({ ...Conn, enabled: z.boolean() }), output: z.object({ enabled: z.boolean() }) },
  /** Studio mode: takes the preview scene to program with the current transition. */
  'obs.transition': { input: z.object({ ...Conn }), output: z.object({ programScene: z.string().nullable() }) },
  'obs.setSceneItemEnabled': {
    input: z.object({ ...Conn, scene: Name200, itemId: z.number().int().nonnegative(), enabled: z.boolean() }),
    output: z.object({ scene: z.string(), itemId: z.number().int(), enabled: z.boolean() }),
  },
  /** Sets the text of a text source (text_ft2_source, text_gdiplus, …). */
  'obs.setText': {
    input: z.object({ ...Conn, input: Name200, text: z.string().max(5000) }),
    output: z.object({ input: z.string(), text: z.string() }),
  },
  'obs.setInputMute': {
    input: z.object({ ...Conn, input: Name200, muted: z.boolean() }),
    output: z.object({ input: z.string(), muted: z.boolean() }),
  },
  /** Volume in dB, −100 (silence) … +26 as OBS allows. */
  'obs.setInputVolume': {
    input: z.object({ ...Conn, input: Name200, volumeDb: z.number().min(-100).max(26) }),
    output: z.object({ input: z.string(), volumeDb: z.number() }),
  },
  'obs.startStream': { input: z.object({ ...Conn }), output: ObsOutputState },
  /** Stopping a live stream must be confirmed: `confirm: true` (the UI asks the producer first). */
  'obs.stopStream': {
    input: z.object({ ...Conn, confirm: z.literal(true, { error: 'stopping the live stream needs confirm: true' }) }),
    output: ObsOutputState,
  },
  'obs.startRecord': { input: z.object({ ...Conn }), output: ObsOutputState },
  'obs.stopRecord': { input: z.object({ ...Conn }), output: z.object({ outputPath: z.string().nullable() }) },
  /** A JPEG thumbnail of a scene or source (data URL). At most 2 per second per source; faster asks get the last one. */
  'obs.screenshot': {
    input: z.object({ ...Conn, source: Name200, width: z.number().int().min(32).max(1280).default(320) }),
    output: z.object({ source: z.string(), imageDataUrl: z.string(), takenAt: z.number() }),
  },
  /** Capture devices OBS can see, for the capture input kinds this OBS's platform has. */
  'obs.listCaptureDevices': {
    input: z.object({ ...Conn }),
    output: z.object({ kinds: z.array(CaptureKindDevices), message: z.string().nullable() }),
  },
  /** Adds a capture device as a new input in a scene. */
  'obs.addCaptureInput': {
    input: z.object({
      ...Conn,
      scene: Name200,
      kind: z.string().min(1).max(100),
      inputName: Name200,
      device: z.string().max(1000),
    }),
    output: z.object({ inputName: z.string(), sceneItemId: z.number().int() }),
  },
  /** The last health samples of a connection (newest last), at most `limit`. */
  'obs.health': {
    input: z.object({ ...Conn, limit: z.number().int().min(1).max(3600).default(60) }),
    output: z.array(HealthSample),
  },
} as const;

export const obsEvents = {
  'obs.stateChanged': ObsStateView,
  'obs.sceneChanged': z.object({ connection: z.string(), scene: z.string() }),
  /** Audio levels per input, at most 15 per second: per channel [magnitude, peak, inputPeak] as multipliers (0…1). */
  'obs.meters': z.object({
    connection: z.string(),
    inputs: z.array(z.object({ name: z.string(), levels: z.array(z.array(z.number())) })),
  }),
  'obs.health': HealthSample,
} as const;
