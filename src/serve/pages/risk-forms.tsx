/**
 * The item page's other two attestation kinds (docs/attestations.md): the answer to the gating question
 * that gates this item ("does the solution access customer accounts?": "no" makes the item NOT_APPLICABLE),
 * and accepted-risk suppressions of this item's failing results (a suppressed FAIL stays FAIL; it no longer
 * blocks the item, and the item then needs an attestation). Both are saved through the store's attestation
 * records (versioned, audited), then the assessment is re-evaluated like an item save.
 */
import type { FC } from 'hono/jsx';
import type { GatingQuestion } from '../../core/framework.js';
import type { FindingRow } from '../../report/model.js';
import { suppressionSubject, type GatingAnswerDocument } from '../../store/attestation-documents.js';
import type { StoredAttestation } from '../../store/repositories/attestations.js';
import { csrfField, roleAtLeast, type AppContext } from '../access.js';
import { itemHref } from '../paths.js';

/** The gating question of an item and its stored answer, when the item is gated. */
export interface GatingView {
  readonly question: GatingQuestion;
  readonly answer: StoredAttestation | null;
}

/** The form value naming one failing result: what a suppression covers (the store's subject). */
export function findingKey(f: Pick<FindingRow, 'checkId' | 'accountId' | 'resourceId' | 'resourceArn' | 'region'>): string {
  return suppressionSubject({ checkId: f.checkId, account: f.accountId, resourceId: f.resourceId, resourceArn: f.resourceArn ?? '', region: f.region ?? '' });
}

export const gatingAction = (assessmentId: number, itemId: string): string => `${itemHref(assessmentId, itemId)}/gating`;
export const suppressionAction = (assessmentId: number, itemId: string): string => `${itemHref(assessmentId, itemId)}/suppressions`;

export const GatingForm: FC<{ c: AppContext; assessmentId: number; itemId: string; gating: GatingView }> = ({ c, assessmentId, itemId, gating }) => {
  const doc = gating.answer?.document as GatingAnswerDocument | null | undefined;
  const user = c.get('user');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h3>
        Gating question <span class="mono">{gating.question.id}</span>
      </h3>
      <p>
        {gating.question.question} <span class="muted small">(answered "no", this item and {gating.question.gates.length - 1} other(s) are not applicable)</span>
      </p>
      {doc ? (
        <p class="small">
          Stored answer (version {gating.answer?.version}, {gating.answer?.updatedBy}): "{doc.answer}" by {doc.owner} on {doc.date}: {doc.justification}
        </p>
      ) : (
        <p class="muted small">Not answered yet.</p>
      )}
      {roleAtLeast(user.role, 'attester') ? (
        <form class="stack" method="post" action={gatingAction(assessmentId, itemId)} id="gating-form">
          {csrfField(c)}
          <input type="hidden" name="expectedVersion" value={String(gating.answer?.version ?? 0)} />
          <label for="gating-answer">Answer</label>
          <select id="gating-answer" name="answer" required>
            {(['yes', 'no'] as const).map((a) => (
              <option value={a} selected={doc?.answer === a}>
                {a}
              </option>
            ))}
          </select>
          <label for="gating-justification">Justification</label>
          <textarea id="gating-justification" name="justification" required maxlength={4000}>
            {doc?.justification ?? ''}
          </textarea>
          <label for="gating-owner">Owner</label>
          <input id="gating-owner" type="text" name="owner" required maxlength={200} value={doc?.owner ?? user.email ?? user.name} />
          <label for="gating-date">Date</label>
          <input id="gating-date" type="date" name="date" required max={today} value={doc?.date ?? today} />
          <p>
            <button type="submit">Save the answer and re-evaluate</button>
          </p>
        </form>
      ) : null}
    </>
  );
};

export const SuppressionForm: FC<{ c: AppContext; assessmentId: number; itemId: string; failing: readonly FindingRow[] }> = ({ c, assessmentId, itemId, failing }) => {
  const user = c.get('user');
  if (!roleAtLeast(user.role, 'attester')) return null;
  const open = failing.filter((f) => !f.suppressed);
  return (
    <>
      <h3>Accept a risk (suppress a failing result)</h3>
      {open.length === 0 ? (
        <p class="muted small">No unsuppressed failing result is shown for this item.</p>
      ) : (
        <form class="stack" method="post" action={suppressionAction(assessmentId, itemId)} id="suppression-form">
          {csrfField(c)}
          <label for="suppress-finding">Failing result</label>
          <select id="suppress-finding" name="finding" required>
            {open.map((f) => (
              <option value={findingKey(f)}>
                {f.checkId} · {f.accountId} {f.region ?? 'global'} · {f.resourceType} {f.resourceId}
              </option>
            ))}
          </select>
          <label for="suppress-justification">Justification (why the risk is accepted)</label>
          <textarea id="suppress-justification" name="justification" required maxlength={4000}></textarea>
          <label for="suppress-owner">Owner</label>
          <input id="suppress-owner" type="text" name="owner" required maxlength={200} value={user.email ?? user.name} />
          <label for="suppress-expires">Expires (required: an accepted risk is reviewed again)</label>
          <input id="suppress-expires" type="date" name="expires" required />
          <div class="hint">The result stays FAIL in every report; it no longer blocks the item, which then needs an attestation.</div>
          <p>
            <button type="submit">Suppress and re-evaluate</button>
          </p>
        </form>
      )}
    </>
  );
};
