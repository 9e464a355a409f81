// Which version of the client the evidence is checked against, one rule for the extension and the
// CLI. The client's deployed ref (clients.json) comes first; without one, the version the client
// last said they run (the issue's latest report) stands in for it. Either is resolved leniently by
// the engine: one that names a commit becomes the deployed version, one that does not ("production")
// becomes the `deployed-ref-unresolved` caveat, which the reply acknowledges instead of asking for
// the version again.
import type { Client, Issue } from '../store/model';
import { latestReport } from '../store/model';
import type { EvidenceRequest } from './engine';

export interface RecordedVersion {
  /** The branch, tag, commit or words, trimmed. */
  ref: string;
  /** clients.json's deployed ref, or the version named in the issue's latest report. */
  from: 'client' | 'report';
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The version recorded for this client and issue, or undefined when nothing names one. */
export function recordedVersion(client: Pick<Client, 'deployedRef'> | undefined, issue: Pick<Issue, 'reports'> | undefined): RecordedVersion | undefined {
  const deployed = nonEmpty(client?.deployedRef);
  if (deployed !== undefined) return { ref: deployed, from: 'client' };
  const said = nonEmpty(issue === undefined ? undefined : latestReport(issue)?.version);
  return said === undefined ? undefined : { ref: said, from: 'report' };
}

/**
 * The deployed part of an evidence request for a recorded version: never strict, since a recorded
 * version that git does not know is a fact to acknowledge, not a failure.
 */
export function deployedRequest(recorded: RecordedVersion | undefined): Pick<EvidenceRequest, 'deployed' | 'deployedStrict'> {
  return recorded === undefined ? { deployed: null, deployedStrict: false } : { deployed: recorded.ref, deployedStrict: false };
}
