/** Options shared by every HTML report component. */

export interface HtmlOptions {
  /** `screen`: everything, long tables paginated by script. `print` (PDF): long lists capped with a pointer to the XLSX/CSV. */
  readonly mode: 'screen' | 'print';
  /** Rows per long table in print mode. */
  readonly printRowLimit?: number;
  /** Rows of each item's (and info section's) findings tables in print mode (default 40). */
  readonly printItemRowLimit?: number;
}
