/** A remediation's fix as code: CloudFormation and Terraform side by side, else the free-form snippet. */
import type { FC } from 'hono/jsx';
import type { Remediation } from '../../../core/check.js';

export const RemediationCode: FC<{ remediation: Remediation | null | undefined }> = ({ remediation }) => {
  if (!remediation) return null;
  const { cloudformation, terraform, iac } = remediation;
  if (cloudformation || terraform) {
    return (
      <div class="code-tabs">
        {cloudformation ? (
          <div>
            <strong>CloudFormation</strong>
            <pre>{cloudformation}</pre>
          </div>
        ) : null}
        {terraform ? (
          <div>
            <strong>Terraform</strong>
            <pre>{terraform}</pre>
          </div>
        ) : null}
      </div>
    );
  }
  return iac ? (
    <>
      <strong>Infrastructure as code</strong>
      <pre>{iac}</pre>
    </>
  ) : null;
};
