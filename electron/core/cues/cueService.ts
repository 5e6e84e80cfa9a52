import { createComplianceService } from './complianceService.js';
import { createCueContext, type CueServiceDeps } from './context.js';
import { createLiveService } from './liveService.js';
import { createPlanService } from './planService.js';

export type { CueObsPort, CueServiceDeps, Emit } from './context.js';

/**
 * Product cues: sessions, queue, run-of-show, live execution, host messages, compliance. The tables of migration
 * 0003 are projections of the events this service appends, each in the same transaction as its projection.
 */
export function createCueService(deps: CueServiceDeps) {
  const ctx = createCueContext(deps);
  const live = createLiveService(ctx);
  const plan = createPlanService(ctx, (t) => {
    live.touched(t);
  });
  const compliance = createComplianceService(ctx);
  return { plan, live, compliance, sessions: (limit: number) => ctx.repo.sessions(limit), session: (id: string) => ctx.session(id) };
}

export type CueService = ReturnType<typeof createCueService>;
