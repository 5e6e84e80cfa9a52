import type { audienceCommands } from '../../../shared/contract/audience.js';
import type { HandlerTable } from '../dispatch.js';
import type { AudienceService } from './audienceService.js';
import type { StudioModel } from './studioModel.js';

type StudioModelCommand = 'audience.modelStatus' | 'audience.retrainModel';
type AudienceCommand = Exclude<keyof typeof audienceCommands, StudioModelCommand>;

/** The audience part of the core's handler table. */
export function audienceHandlers(a: AudienceService): Pick<HandlerTable, AudienceCommand> {
  return {
    'audience.listConnectors': () => a.listConnectors(),
    'audience.startConnector': ({ id }) => a.startConnector(id),
    'audience.stopConnector': ({ id }) => a.stopConnector(id),
    'audience.configureRehearsal': ({ rate, seed, surges }) =>
      a.configureRehearsal({ ...(rate === undefined ? {} : { rate }), ...(seed === undefined ? {} : { seed }), ...(surges === undefined ? {} : { surges }) }),
    'audience.startReplay': ({ file, speed }) => a.startReplay(file, speed),
    'audience.controlReplay': ({ paused, speed }) => a.controlReplay({ paused, speed }),
    'audience.listRecordings': () => a.listRecordings(),
    'audience.startRecording': ({ name }) => a.startRecording(name),
    'audience.stopRecording': () => a.stopRecording(),
    'audience.createSource': ({ name, platform }) => a.createSource(name, platform),
    'audience.listSources': () => a.listSources(),
    'audience.revokeSource': ({ id }) => a.revokeSource(id),
    'audience.comments': (q) => a.comments(q),
    'audience.pin': ({ commentId }) => a.setPinned(commentId, true),
    'audience.unpin': ({ commentId }) => a.setPinned(commentId, false),
    'audience.markAnswered': ({ commentId }) => a.markAnswered(commentId),
    'audience.blockWords': ({ words }) => a.blockWords(words),
    'audience.getSettings': () => a.settings(),
    'audience.correctLabel': ({ commentId, sentiment, intents }) => a.correctLabel(commentId, sentiment, intents),
    'audience.exportCorrections': () => a.exportCorrections(),
    'audience.setRetention': ({ days }) => a.setRetention(days),
    'audience.stats': () => a.stats(),
    'audience.addPlatformConnector': ({ label, config }) => a.addPlatformConnector(label, config),
    'audience.updatePlatformConnector': ({ id, label, config }) => a.updatePlatformConnector(id, { label, config }),
    'audience.removePlatformConnector': ({ id }) => a.removePlatformConnector(id),
    'audience.platformConnectors': () => a.platformConnectors(),
  };
}

/** The studio chat model's commands (retraining from the studio's corrections). */
export function studioModelHandlers(m: StudioModel): Pick<HandlerTable, StudioModelCommand> {
  return {
    'audience.modelStatus': () => m.status(),
    'audience.retrainModel': () => m.retrain(),
  };
}
