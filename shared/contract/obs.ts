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

export const ObsScene = z.object({ name: z.string(), index: z.number().int() });

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
  /** Switches the program scene of one OBS connection. */
  'obs.setScene': {
    input: z.object({ connection: ConnectionName.default('main'), scene: z.string().min(1).max(200) }),
    output: z.object({ connection: z.string(), scene: z.string() }),
  },
} as const;

export const obsEvents = {
  'obs.stateChanged': ObsStateView,
  'obs.sceneChanged': z.object({ connection: z.string(), scene: z.string() }),
} as const;
