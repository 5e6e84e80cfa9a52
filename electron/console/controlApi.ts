import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { CueView, Script } from '../../shared/contract/cues.js';
import type { ObsConnectionView } from '../../shared/contract/obs.js';
import { fail, type Result } from '../../shared/errors.js';
import type { Core } from '../core/core.js';
import type { CallContext } from '../core/dispatch.js';
import { httpStatusOf, readJson, sendError, sendJson } from './http.js';

const BODY_LIMIT = 64 * 1024;
const connection = z.string().min(1).max(40).default('main');

interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Schema of the JSON body (POST), applied before `run`. */
  readonly body?: z.ZodType;
  readonly run: (body: never, ctx: CallContext) => Promise<Result<unknown>>;
}

function route<S extends z.ZodType>(
  method: 'POST',
  path: string,
  body: S,
  run: (body: z.output<S>, ctx: CallContext) => Promise<Result<unknown>>,
): Route {
  return { method, path, body, run };
}

/**
 * The local control API for Stream Deck / Companion-style controllers (docs/control-api.md). Every route maps
 * onto a contract command: the same validation, the same errors, the same events as the console UI.
 */
export function createControlApi(core: Core): {
  handle(req: IncomingMessage, res: ServerResponse, path: string, ctx: CallContext): Promise<void>;
} {
  const call = (command: string, input: unknown, ctx: CallContext): Promise<Result<unknown>> => core.dispatch(command, input, ctx);

  const connView = async (name: string, ctx: CallContext): Promise<ObsConnectionView | null> => {
    const r = await call('obs.getState', {}, ctx);
    if (!r.ok) return null;
    return (r.value as { connections: ObsConnectionView[] }).connections.find((c) => c.name === name) ?? null;
  };

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/api/v1/status',
      run: async (_body, ctx) => {
        const [info, obs, alerts] = await Promise.all([
          call('app.info', {}, ctx),
          call('obs.getState', {}, ctx),
          call('alerts.list', { limit: 20 }, ctx),
        ]);
        if (!info.ok) return info;
        if (!obs.ok) return obs;
        const active = alerts.ok ? (alerts.value as { active: boolean }[]).filter((a) => a.active) : [];
        return { ok: true, value: { app: info.value, obs: obs.value, alerts: active, time: Date.now() } };
      },
    },
    route('POST', '/api/v1/obs/scene', z.object({ scene: z.string().min(1).max(200), connection }), (b, ctx) =>
      call('obs.setScene', b, ctx),
    ),
    route('POST', '/api/v1/obs/preview', z.object({ scene: z.string().min(1).max(200), connection }), (b, ctx) =>
      call('obs.setPreviewScene', b, ctx),
    ),
    route('POST', '/api/v1/obs/transition', z.object({ connection }), (b, ctx) => call('obs.transition', b, ctx)),
    route('POST', '/api/v1/stream/start', z.object({ connection }), (b, ctx) => call('obs.startStream', b, ctx)),
    route('POST', '/api/v1/stream/stop', z.object({ connection, confirm: z.literal(true, { error: 'stopping the live stream needs "confirm": true' }) }), (b, ctx) =>
      call('obs.stopStream', b, ctx),
    ),
    route('POST', '/api/v1/record/start', z.object({ connection }), (b, ctx) => call('obs.startRecord', b, ctx)),
    route('POST', '/api/v1/record/stop', z.object({ connection }), (b, ctx) => call('obs.stopRecord', b, ctx)),
    route('POST', '/api/v1/cues/next', z.object({ from: z.string().min(1).max(64).optional() }), (b, ctx) => call('cues.next', b, ctx)),
    route('POST', '/api/v1/cues/previous', z.object({ from: z.string().min(1).max(64).optional() }), (b, ctx) => call('cues.previous', b, ctx)),
    route(
      'POST',
      '/api/v1/cues/goto',
      z
        .object({ segmentId: z.string().min(1).max(64).optional(), index: z.number().int().nonnegative().max(10_000).optional() })
        .refine((b) => (b.segmentId === undefined) !== (b.index === undefined), 'give exactly one of "segmentId" and "index" (0-based)'),
      async (b, ctx) => {
        if (b.segmentId !== undefined) return call('cues.goto', { segmentId: b.segmentId }, ctx);
        // By position in the live show's run-of-show, as a controller button knows it ("segment 3").
        const current = await call('cues.current', {}, ctx);
        if (!current.ok) return current;
        const session = (current.value as CueView).session;
        if ((current.value as CueView).status !== 'live' || !session) return fail('CONFLICT', 'no show is live: start one first');
        const script = await call('script.get', { sessionId: session.id }, ctx);
        if (!script.ok) return script;
        const segments = (script.value as Script).segments;
        const segment = segments[b.index ?? -1];
        if (!segment) return fail('NOT_FOUND', `the show has ${segments.length} segments (index 0 to ${segments.length - 1}); there is no index ${b.index ?? ''}`);
        return call('cues.goto', { segmentId: segment.id }, ctx);
      },
    ),
    { method: 'GET', path: '/api/v1/cues/current', run: (_body, ctx) => call('cues.current', {}, ctx) },
    route(
      'POST',
      '/api/v1/obs/scene-item',
      z
        .object({
          connection,
          scene: z.string().min(1).max(200),
          itemId: z.number().int().nonnegative().optional(),
          source: z.string().min(1).max(200).optional(),
          enabled: z.boolean().optional(),
        })
        .refine((b) => b.itemId !== undefined || b.source !== undefined, 'name the item by "itemId" or "source"'),
      async (b, ctx) => {
        const view = await connView(b.connection, ctx);
        const scene = view?.scenes.find((s) => s.name === b.scene);
        if (!view || !scene) return fail('NOT_FOUND', `OBS "${b.connection}" has no scene named "${b.scene}"`);
        const item = scene.items.find((i) => (b.itemId !== undefined ? i.id === b.itemId : i.sourceName === b.source));
        if (!item) return fail('NOT_FOUND', `scene "${b.scene}" has no such item`);
        return call('obs.setSceneItemEnabled', { connection: b.connection, scene: b.scene, itemId: item.id, enabled: b.enabled ?? !item.enabled }, ctx);
      },
    ),
    route(
      'POST',
      '/api/v1/obs/mute',
      z.object({ connection, input: z.string().min(1).max(200), muted: z.boolean().optional() }),
      async (b, ctx) => {
        let muted = b.muted;
        if (muted === undefined) {
          const input = (await connView(b.connection, ctx))?.inputs.find((i) => i.name === b.input);
          if (!input || input.muted === null) return fail('NOT_FOUND', `OBS "${b.connection}" has no audio input named "${b.input}"`);
          muted = !input.muted;
        }
        return call('obs.setInputMute', { connection: b.connection, input: b.input, muted }, ctx);
      },
    ),
  ];

  return {
    async handle(req, res, path, ctx) {
      const matching = routes.filter((r) => r.path === path);
      const r = matching.find((x) => x.method === req.method);
      if (!r) {
        if (matching.length > 0) sendError(res, 405, 'BAD_INPUT', `${req.method ?? ''} is not allowed on ${path}`);
        else sendError(res, 404, 'NOT_FOUND', `no such endpoint: ${path}`);
        return;
      }
      let body: unknown = {};
      if (r.body) {
        const parsed = r.body.safeParse(await readJson(req, BODY_LIMIT));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          sendError(res, 400, 'BAD_INPUT', `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid body'}`);
          return;
        }
        body = parsed.data;
      }
      const result = await r.run(body as never, ctx);
      if (!result.ok) {
        sendJson(res, result.error.code === 'UNKNOWN_COMMAND' ? 501 : httpStatusOf(result.error.code), result);
        return;
      }
      if (path === '/api/v1/status') sendJson(res, 200, { ok: true, ...(result.value as object) });
      else sendJson(res, 200, result);
    },
  };
}
