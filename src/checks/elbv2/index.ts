import type { CheckDefinition } from '../../core/check.js';
import { elbv2ListenerTlsOrRedirect } from './elbv2-listener-tls-or-redirect.js';

/** The elbv2 checks (SDAT-003). */
export const elbv2Checks: readonly CheckDefinition[] = [elbv2ListenerTlsOrRedirect];
