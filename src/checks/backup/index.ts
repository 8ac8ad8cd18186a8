import type { CheckDefinition } from '../../core/check.js';
import { backupPlansExist } from './backup-plans-exist.js';
import { backupRestoreTestedWithin12Months } from './backup-restore-tested-within-12-months.js';

/** The backup checks. */
export const backupChecks: readonly CheckDefinition[] = [backupPlansExist, backupRestoreTestedWithin12Months];
