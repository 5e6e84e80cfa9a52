import { z } from 'zod';

export const AlertSeverity = z.enum(['info', 'warning', 'critical']);

/** A raised alert. Raising and acknowledging are events in the log; this is their projection. */
export const Alert = z.object({
  id: z.string(),
  /** Which rule raised it, e.g. `obs.disconnected`, `stream.unexpectedStop`, `stream.droppedFrames`, `stream.lowBitrate`. */
  rule: z.string(),
  severity: AlertSeverity,
  message: z.string(),
  /** What it is about, e.g. `obs:main`, `product:<id>`. */
  subject: z.string().nullable(),
  raisedAt: z.number(),
  /** While the condition still holds; alerts clear when it ends. */
  active: z.boolean(),
  clearedAt: z.number().nullable(),
  acknowledgedAt: z.number().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const alertCommands = {
  /** Recent alerts, newest first. */
  'alerts.list': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.array(Alert),
  },
  'alerts.acknowledge': { input: z.object({ id: z.string().min(1).max(64) }), output: Alert },
} as const;

export const alertEvents = {
  /** An alert was raised, cleared or acknowledged: its current state. */
  'alerts.changed': Alert,
} as const;
