/** Amazon Inspector answers shaped like the API reference, for the tests of its collector and organization reads. */
import type { AccountState, State } from '@aws-sdk/client-inspector2';

/** A State (status, errorCode and errorMessage are required members in the API reference; no error here). Absent: DISABLED. */
export const inspectorState = (status: string | null | undefined): State => ({
  status: (status ?? 'DISABLED') as State['status'],
  errorCode: '' as State['errorCode'],
  errorMessage: '',
});

export interface InspectorScans {
  readonly ec2?: string | null;
  readonly ecr?: string | null;
  readonly lambda?: string | null;
  readonly lambdaCode?: string | null;
}

/** An AccountState: the account's status and each scan type's (DISABLED where not given). */
export function inspectorAccountState(accountId: string, status: string | null, scans: InspectorScans = {}): AccountState {
  return {
    accountId,
    state: inspectorState(status),
    resourceState: { ec2: inspectorState(scans.ec2), ecr: inspectorState(scans.ecr), lambda: inspectorState(scans.lambda), lambdaCode: inspectorState(scans.lambdaCode) },
  };
}
