import type { CheckDefinition } from '../../core/check.js';
import { lambdaFunctionNoSecretsInVariables } from './lambda-function-no-secrets-in-variables.js';

/** The lambda checks (IAM-009). */
export const lambdaChecks: readonly CheckDefinition[] = [lambdaFunctionNoSecretsInVariables];
