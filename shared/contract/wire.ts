import { z } from 'zod';

/** Frames of the console host's WebSocket, both directions. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    command: z.string().max(100),
    input: z.unknown(),
  }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

const ResultBody = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), protocol: z.literal(1), serverTime: z.number() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: ResultBody }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
