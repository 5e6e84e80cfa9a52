import { describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/contract/index.js';
import type { ObsConnectionView } from '../../shared/contract/obs.js';
import { AppError } from '../../shared/errors.js';
import { createDispatch, type CallContext, type HandlerTable } from './dispatch.js';
import { createLogger, memorySink, type LogRecord } from './logger.js';

const ctx: CallContext = { transport: 'ws', peer: '127.0.0.1:5000' };

const view: ObsConnectionView = {
  name: 'main',
  url: 'ws://127.0.0.1:4455',
  hasPassword: false,
  status: 'disconnected',
  failure: null,
  message: null,
  epoch: 0,
  attempts: 0,
  nextRetryAt: null,
  obsVersion: null,
  websocketVersion: null,
  scenes: [],
  programScene: null,
  previewScene: null,
  studioMode: false,
  transitions: { current: null, durationMs: null, available: [] },
  inputs: [],
  outputs: {
    stream: { active: false, reconnecting: false, paused: false, since: null },
    record: { active: false, reconnecting: false, paused: false, since: null },
    replayBuffer: null,
    virtualCam: null,
  },
};

const notUsed = (): never => {
  throw new Error('not used in this test');
};

function setup(over: Partial<HandlerTable> = {}): {
  dispatch: ReturnType<typeof createDispatch>;
  calls: { command: string; args: unknown; ctx: CallContext }[];
  logs: LogRecord[];
} {
  const calls: { command: string; args: unknown; ctx: CallContext }[] = [];
  const record =
    <T>(command: string, value: T) =>
    (args: unknown, c: CallContext): T => {
      calls.push({ command, args, ctx: c });
      return value;
    };
  // Every command of the contract refuses to be called unless a test gives it a handler below.
  const unused = Object.fromEntries(commandNames.map((name) => [name, notUsed])) as unknown as HandlerTable;
  const handlers: HandlerTable = {
    ...unused,
    'catalog.list': record('catalog.list', []),
    'catalog.delete': (args, c) => record('catalog.delete', { id: args.id })(args, c),
    'catalog.importCsv': record('catalog.importCsv', { created: 0, updated: 0, rejected: [] }),
    'obs.configure': record('obs.configure', view),
    'obs.connect': record('obs.connect', view),
    'obs.setScene': async (args, c) => {
      await Promise.resolve();
      return record('obs.setScene', { connection: args.connection, scene: args.scene })(args, c);
    },
    ...over,
  };
  const sink = memorySink();
  return { dispatch: createDispatch(handlers, createLogger('dispatch', sink)), calls, logs: sink.records };
}

describe('createDispatch', () => {
  it.each(['nope', 'catalog.nope', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('refuses unknown command %j', async (name) => {
    const { dispatch, calls } = setup();
    expect(await dispatch(name, {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `unknown command "${name}"` } });
    expect(calls).toEqual([]);
  });

  it('cuts a huge unknown command name in its message', async () => {
    const { dispatch } = setup();
    const r = await dispatch('x'.repeat(10_000), {}, ctx);
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: `unknown command "${'x'.repeat(100)}"` } });
  });

  it('passes parsed input and the call context to the handler and wraps its value', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('catalog.delete', { id: 'p1', extra: 'dropped' }, ctx)).toEqual({ ok: true, value: { id: 'p1' } });
    expect(calls).toEqual([{ command: 'catalog.delete', args: { id: 'p1' }, ctx }]);
  });

  it('awaits async handlers', async () => {
    const { dispatch } = setup();
    expect(await dispatch('obs.setScene', { scene: 'Live' }, ctx)).toEqual({ ok: true, value: { connection: 'main', scene: 'Live' } });
  });

  it('applies the contract defaults before the handler sees the input', async () => {
    const { dispatch, calls } = setup();
    await dispatch('catalog.list', undefined, ctx);
    await dispatch('catalog.list', null, ctx);
    await dispatch('obs.connect', undefined, ctx);
    await dispatch('obs.configure', { url: ' ws://127.0.0.1:4455 ' }, ctx);
    await dispatch('obs.setScene', { connection: '  studio b ', scene: 'Live' }, ctx);
    expect(calls.map((c) => [c.command, c.args])).toEqual([
      ['catalog.list', {}],
      ['catalog.list', {}],
      ['obs.connect', { name: 'main' }],
      ['obs.configure', { name: 'main', url: 'ws://127.0.0.1:4455', autoConnect: true }],
      ['obs.setScene', { connection: 'studio b', scene: 'Live' }],
    ]);
  });

  it('refuses bad input with BAD_INPUT naming the command and the field, without calling the handler', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('catalog.delete', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'catalog.delete: id: Invalid input: expected string, received undefined' },
    });
    expect(await dispatch('catalog.delete', { id: '' }, ctx)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'catalog.delete: id: Too small: expected string to have >=1 characters' },
    });
    expect(await dispatch('obs.configure', { url: 'http://obs' }, ctx)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'obs.configure: url: OBS URL must look like ws://127.0.0.1:4455' },
    });
    expect(await dispatch('catalog.importCsv', { text: 'x', currency: 'cny' }, ctx)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'catalog.importCsv: currency: Invalid string: must match pattern /^[A-Z]{3}$/' },
    });
    expect(await dispatch('catalog.delete', 'p1', ctx)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'catalog.delete: Invalid input: expected object, received string' },
    });
    expect(calls).toEqual([]);
  });

  it('keeps the code of an AppError thrown by the handler and logs it at debug', async () => {
    const { dispatch, logs } = setup({
      'catalog.get': () => {
        throw new AppError('NOT_FOUND', 'product p9 does not exist');
      },
    });
    expect(await dispatch('catalog.get', { id: 'p9' }, ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'product p9 does not exist' },
    });
    expect(logs.map((l) => [l.level, l.msg, l.fields])).toEqual([
      ['debug', 'command refused', { command: 'catalog.get', code: 'NOT_FOUND', error: 'product p9 does not exist' }],
    ]);
  });

  it('keeps the code of an AppError from a rejected promise', async () => {
    const { dispatch } = setup({
      'obs.disconnect': () => Promise.reject(new AppError('OBS_TIMEOUT', 'OBS did not answer')),
    });
    expect(await dispatch('obs.disconnect', {}, ctx)).toEqual({ ok: false, error: { code: 'OBS_TIMEOUT', message: 'OBS did not answer' } });
  });

  it('turns any other throw into INTERNAL and logs it as an error', async () => {
    const { dispatch, logs } = setup({
      'app.info': () => {
        throw new TypeError('cannot read x of undefined');
      },
      'obs.getState': () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is what this test is about
        throw 'plain string';
      },
    });
    expect(await dispatch('app.info', {}, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'cannot read x of undefined' } });
    expect(await dispatch('obs.getState', undefined, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'plain string' } });
    expect(logs.map((l) => [l.level, l.msg, l.fields])).toEqual([
      ['error', 'command failed', { command: 'app.info', transport: 'ws', error: 'cannot read x of undefined' }],
      ['error', 'command failed', { command: 'obs.getState', transport: 'ws', error: 'plain string' }],
    ]);
  });
});
