import type { CheckDefinition } from '../../core/check.js';
import { secretsManagedStoreInUse } from './secrets-managed-store-in-use.js';
import { ssmParameterSecretsUseSecurestring } from './ssm-parameter-secrets-use-securestring.js';

/** The secret-store checks (IAM-010). */
export const secretsChecks: readonly CheckDefinition[] = [secretsManagedStoreInUse, ssmParameterSecretsUseSecurestring];
