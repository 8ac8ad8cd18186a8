/** Schema of the Organizations slice (src/core/slices/organizations.ts). */
import { z } from 'zod';
import { observed, stringList } from '../primitives.js';

export const organizationsSliceSchema = z.object({
  accessAnalyzerDelegatedAdministrators: observed(stringList.nullable()),
});
