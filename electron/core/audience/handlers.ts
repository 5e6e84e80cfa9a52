import type { audienceCommands } from '../../../shared/contract/audience.js';
import type { HandlerTable } from '../dispatch.js';
import type { AudienceService } from './audienceService.js';

type AudienceCommand = keyof typeof audienceCommands;

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
  };
}
