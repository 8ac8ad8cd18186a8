/** FTR CAA-001..007: access to customer accounts, gated by CAA-000 ("do you access customer accounts?"). */
import { attest, FTR, gate, type Scenario } from '../scenario.js';
import { withRoles, trustedRole } from '../fixtures.js';
import { THIRD_PARTY } from '../well-run-account.js';
import { standard } from './standard.js';

const items = ['CAA-001', 'CAA-002', 'CAA-003', 'CAA-004', 'CAA-005', 'CAA-006', 'CAA-007'];

export const scenarios: Scenario[] = [
  ...items.flatMap((id) => standard(FTR, id)),
  {
    framework: FTR, item: 'CAA-002', kind: 'met',
    name: 'a role in the partner\'s own account trusting a third party without ExternalId is advisory here (CAA-002 is about roles in customer accounts)',
    mutations: [withRoles(trustedRole('legacy-vendor', { Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` } }))],
  },
  { framework: FTR, item: 'CAA-001', kind: 'needs-evidence', attest: null, gates: [], name: 'CAA-000 not answered yet: the reason says so', reason: 'Gating question CAA-000 is not answered yet' },
  { framework: FTR, item: 'CAA-004', kind: 'not-applicable', gates: [gate('CAA-000', 'no')], name: 'CAA-000 "no" wins over an attested "no"', attest: attest('CAA-004', 'no') },
];
