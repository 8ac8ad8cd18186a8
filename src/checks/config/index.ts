import type { CheckDefinition } from '../../core/check.js';
import { configRecorderEnabledAllRegions } from './config-recorder-enabled-all-regions.js';

/** The config checks. */
export const configChecks: readonly CheckDefinition[] = [configRecorderEnabledAllRegions];
