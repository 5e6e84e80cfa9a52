import { describeObsStatus, obsStatusCode } from '../../../shared/domain/obsStatus.js';
import { AppError } from '../../../shared/errors.js';

/** OBS answered a request with a failure status: the contract code and sentence, plus OBS's own status for callers that branch on it. */
export class ObsRequestError extends AppError {
  readonly requestType: string;
  /** obs-websocket RequestStatus (e.g. 600 ResourceNotFound, 604 InvalidResourceState). */
  readonly status: number;
  constructor(requestType: string, status: number, comment: string) {
    super(obsStatusCode(status), describeObsStatus(requestType, status, comment));
    this.name = 'ObsRequestError';
    this.requestType = requestType;
    this.status = status;
  }
}

/** Whether `e` is OBS refusing with one of `statuses` (not a timeout or a closed socket). */
export function isObsStatus(e: unknown, ...statuses: number[]): e is ObsRequestError {
  return e instanceof ObsRequestError && statuses.includes(e.status);
}
