/** The scanner policy now lives in src/permissions (shared with `ftr permissions`); kept here for the docs generator. */
export * from '../permissions/scanner-policy.js';
