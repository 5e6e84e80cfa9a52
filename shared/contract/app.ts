import { z } from 'zod';

export const AppInfo = z.object({
  name: z.literal('Showrunner'),
  version: z.string(),
  mode: z.enum(['rehearsal', 'live']),
  host: z.enum(['console', 'desktop']),
  schemaVersion: z.number().int(),
  startedAt: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appCommands = {
  'app.info': { input: z.object({}).default({}), output: AppInfo },
} as const;

export const appEvents = {} as const;
