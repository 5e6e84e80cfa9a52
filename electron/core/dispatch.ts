import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandOutput,
} from '../../shared/contract/index.js';
import { fail, ok, toErrorBody, type Result } from '../../shared/errors.js';
import type { Logger } from './logger.js';

/** Who is calling: the transport and, for the console host, the remote peer. */
export interface CallContext {
  readonly transport: 'ipc' | 'ws' | 'http';
  readonly peer: string;
}

export type Handler<K extends CommandName> = (
  args: CommandArgs<K>,
  ctx: CallContext,
) => CommandOutput<K> | Promise<CommandOutput<K>>;

/** One handler per command of the contract; the compiler rejects a missing or extra one. */
export type HandlerTable = { readonly [K in CommandName]: Handler<K> };

export type Dispatch = (command: string, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * Turns a handler table into the single entry point both transports call: the command name and input arrive
 * as untrusted data, are checked against the contract, and every outcome becomes a Result.
 */
export function createDispatch(handlers: HandlerTable, log: Logger): Dispatch {
  return async (command, input, ctx) => {
    if (!isCommandName(command)) return fail('UNKNOWN_COMMAND', `unknown command "${command.slice(0, 100)}"`);
    const spec = commands[command];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return fail('BAD_INPUT', `${command}: ${where}${issue?.message ?? 'invalid input'}`);
    }
    try {
      const handler = handlers[command] as (args: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return ok(value);
    } catch (e) {
      const body = toErrorBody(e);
      if (body.code === 'INTERNAL') log.error('command failed', { command, transport: ctx.transport, error: body.message });
      else log.debug('command refused', { command, code: body.code, error: body.message });
      return { ok: false, error: body };
    }
  };
}
