/**
 * Snapshot slice for AWS Organizations as seen from one scanned account (global). The organization itself
 * is read once per scan (`Snapshot.organization`); this slice holds what only the management account can
 * answer and the checks need per account.
 */
import type { Observed } from '../observed.js';

export interface OrganizationsSlice {
  /**
   * Account ids registered as delegated administrator for IAM Access Analyzer
   * (organizations:ListDelegatedAdministrators, ServicePrincipal access-analyzer.amazonaws.com).
   * null = not asked, because this account is not the organization's management account (or is in no
   * organization): only the management account can answer, and asking elsewhere only records a denial.
   */
  readonly accessAnalyzerDelegatedAdministrators: Observed<readonly string[] | null>;
}
