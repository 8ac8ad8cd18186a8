/** URLs of dashboard pages (ids in the path are encoded: item ids come from catalogs, but never trust). */
export const assessmentHref = (id: number): string => `/assessments/${id}`;
export const itemHref = (assessmentId: number, itemId: string): string => `/assessments/${assessmentId}/items/${encodeURIComponent(itemId)}`;
export const exportHref = (assessmentId: number, format: string): string => `/assessments/${assessmentId}/export/${format}`;
