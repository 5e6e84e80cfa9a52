import type { z } from 'zod';
import { alertCommands, alertEvents } from './alerts.js';
import { appCommands, appEvents } from './app.js';
import { audienceCommands, audienceEvents } from './audience.js';
import { catalogCommands, catalogEvents } from './catalog.js';
import { cueCommands, cueEvents } from './cues.js';
import { metricsCommands, metricsEvents } from './metrics.js';
import { obsCommands, obsControlCommands, obsEvents } from './obs.js';

export * from './alerts.js';
export * from './app.js';
export * from './audience.js';
export * from './catalog.js';
export * from './common.js';
export * from './cues.js';
export * from './metrics.js';
export * from './obs.js';

interface CommandSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/** Every command of the app, keyed `domain.verb`. Both transports serve exactly this table. */
export const commands = {
  ...appCommands,
  ...catalogCommands,
  ...obsCommands,
  ...obsControlCommands,
  ...alertCommands,
  ...audienceCommands,
  ...cueCommands,
  ...metricsCommands,
} as const satisfies Record<string, CommandSpec>;

/** Every pushed event, keyed `domain.pastTense`. */
export const events = {
  ...appEvents,
  ...catalogEvents,
  ...obsEvents,
  ...alertEvents,
  ...audienceEvents,
  ...cueEvents,
  ...metricsEvents,
} as const satisfies Record<string, z.ZodType>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller may send (defaults not yet applied). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** A pushed event as it travels over a transport. */
export type PushedEvent = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];
