/**
 * Item: the requirement, its sub-questions and evidence requests (from the catalog), the report's Item
 * component (verdict, reason, checks with roles, findings and resources, remediation), the attestation
 * form and the item's history across assessments. Saving posts the form (htmx, multipart for the file),
 * re-evaluates, and swaps `#item-live` (verdict, attestation, form) in place.
 */
import type { FC } from 'hono/jsx';
import type { FrameworkItem } from '../../core/framework.js';
import { dateTime, day } from '../../report/format.js';
import { Item } from '../../report/html/components/item.js';
import { Verdict } from '../../report/html/components/primitives.js';
import type { ReportItem } from '../../report/model.js';
import type { ItemAttestationDocument } from '../../store/attestation-documents.js';
import { ACCEPTED_EVIDENCE_EXTENSIONS, MAX_EVIDENCE_BYTES } from '../../store/evidence-policy.js';
import type { ItemHistoryEntry, StoredAssessment } from '../../store/repositories/assessments.js';
import type { AttestationChange, StoredAttestation } from '../../store/repositories/attestations.js';
import type { ItemVerdict } from '../../core/assessment.js';
import { csrfField, roleAtLeast, type AppContext } from '../access.js';
import { itemHref } from '../paths.js';
import { GatingForm, SuppressionForm, type GatingView } from './risk-forms.js';

export interface ItemView {
  readonly stored: StoredAssessment;
  readonly item: ReportItem;
  readonly definition: FrameworkItem | null;
  /** FAIL/UNKNOWN/MANUAL rows loaded (at most ATTENTION_LIMIT) and how many there are. */
  readonly attentionShown: number;
  readonly attentionTotal: number;
  readonly attestation: StoredAttestation | null;
  readonly attestationHistory: readonly AttestationChange[];
  readonly history: readonly ItemHistoryEntry[];
  /** The newest assessment of the same framework and scope, when this one is not it. */
  readonly newer: StoredAssessment | null;
  /** The gating question that gates this item, with its stored answer; null when the item is not gated. */
  readonly gating: GatingView | null;
}

export interface Flash {
  readonly kind: 'ok' | 'err';
  readonly text: string;
}

const accept = ACCEPTED_EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',');

const AttestationForm: FC<{ c: AppContext; v: ItemView }> = ({ c, v }) => {
  const doc = v.attestation?.document as ItemAttestationDocument | null | undefined;
  const user = c.get('user');
  const today = new Date().toISOString().slice(0, 10);
  const action = `${itemHref(v.stored.id, v.item.itemId)}/attestation`;
  if (!roleAtLeast(user.role, 'attester')) return <p class="muted small">Attesting needs the attester role.</p>;
  return (
    <form
      class="stack"
      method="post"
      action={action}
      enctype="multipart/form-data"
      hx-post={action}
      hx-encoding="multipart/form-data"
      hx-target="#item-live"
      hx-swap="outerHTML"
      id="attestation-form"
    >
      {csrfField(c)}
      <input type="hidden" name="expectedVersion" value={String(v.attestation?.document ? v.attestation.version : (v.attestation?.version ?? 0))} />
      <label for="answer">Answer</label>
      <select id="answer" name="answer" required>
        {(['yes', 'no', 'not-applicable'] as const).map((a) => (
          <option value={a} selected={doc?.answer === a}>
            {a}
          </option>
        ))}
      </select>
      <label for="justification">Justification</label>
      <textarea id="justification" name="justification" required maxlength={4000}>
        {doc?.justification ?? ''}
      </textarea>
      <label for="owner">Owner</label>
      <input id="owner" type="text" name="owner" required maxlength={200} value={doc?.owner ?? user.name} />
      <label for="date">Date</label>
      <input id="date" type="date" name="date" required max={today} value={doc?.date ?? today} />
      <label for="reviewer">Reviewer (optional)</label>
      <input id="reviewer" type="text" name="reviewer" maxlength={200} value={doc?.reviewer ?? ''} />
      <label for="expires">Expires (optional; otherwise the checklist's rule decides)</label>
      <input id="expires" type="date" name="expires" value={doc?.expires ?? ''} />
      {doc && doc.evidence.length > 0 ? (
        <>
          <label>Evidence kept</label>
          {doc.evidence.map((e, i) => (
            <div class="small">
              <input type="checkbox" name="keep" value={String(i)} checked id={`keep-${i}`} />{' '}
              <label for={`keep-${i}`} class="mono inline-label">
                {'url' in e ? e.url : e.file}
              </label>
            </div>
          ))}
        </>
      ) : null}
      <label for="evidenceUrl">Evidence URL (optional)</label>
      <input id="evidenceUrl" type="url" name="evidenceUrl" maxlength={2000} placeholder="https://..." />
      <label for="evidenceFile">Evidence file (optional)</label>
      <input id="evidenceFile" type="file" name="evidenceFile" accept={accept} />
      <div class="hint">
        At most {Math.round(MAX_EVIDENCE_BYTES / 1024 / 1024)} MiB; {ACCEPTED_EVIDENCE_EXTENSIONS.join(', ')} (checked by extension and content).
      </div>
      <p>
        <button type="submit">Save and re-evaluate</button>
      </p>
    </form>
  );
};

/** The part of the page a save replaces: the verdict, the stored attestation and the form. */
export const ItemLive: FC<{ c: AppContext; v: ItemView; flash?: Flash | null }> = ({ c, v, flash }) => {
  const doc = v.attestation?.document as ItemAttestationDocument | null | undefined;
  return (
    <section class="block" id="item-live">
      <h2 class="part">Attestation</h2>
      <p class="verdict-live">
        Verdict in assessment #{v.stored.id}: <Verdict v={v.item.verdict} /> <span class="small">{v.item.reason}</span>
      </p>
      {v.newer ? (
        <p class="warn">
          A newer assessment exists: <a href={itemHref(v.newer.id, v.item.itemId)}>#{v.newer.id}</a>. Attest there so the verdict you see is the current
          one.
        </p>
      ) : null}
      {flash ? (
        <p class={`flash ${flash.kind}`} role="status">
          {flash.text}
        </p>
      ) : null}
      {doc ? (
        <div class="attest">
          Stored answer (version {v.attestation?.version}, {v.attestation?.updatedBy}, {dateTime(v.attestation?.updatedAt ?? '')}): "{doc.answer}" by {doc.owner}{' '}
          on {day(doc.date)}
          <div>{doc.justification}</div>
          {doc.evidence.length > 0 ? (
            <ul class="small">
              {doc.evidence.map((e) => (
                <li>
                  {'url' in e ? (
                    <a href={e.url} rel="noopener noreferrer">
                      {e.url}
                    </a>
                  ) : (
                    <a href={`/evidence/${e.sha256}`} download={e.file}>
                      {e.file}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p class="muted small">No stored attestation for this item.</p>
      )}
      <AttestationForm c={c} v={v} />
    </section>
  );
};


/** Everything a save changes: the verdict and attestation, the checks and findings, the history. */
export const ItemMain: FC<{ c: AppContext; v: ItemView; flash?: Flash | null }> = ({ c, v, flash }) => (
  <div id="item-main">
      <ItemLive c={c} v={v} flash={flash ?? null} />
      {/* Shown when there is something to answer: a gating question, or failing results an attester may suppress. */}
      {v.gating || (roleAtLeast(c.get('user').role, 'attester') && v.item.attention.some((f) => f.status === 'FAIL')) ? (
        <section class="block" id="item-risk">
          <h2 class="part">Applicability and accepted risks</h2>
          {v.gating ? <GatingForm c={c} assessmentId={v.stored.id} itemId={v.item.itemId} gating={v.gating} /> : null}
          <SuppressionForm c={c} assessmentId={v.stored.id} itemId={v.item.itemId} failing={v.item.attention.filter((f) => f.status === 'FAIL')} />
        </section>
      ) : null}
      <section class="block">
        <h2 class="part">Checks, findings and remediation</h2>
        {v.attentionShown < v.attentionTotal ? (
          <p class="note">
            The first {v.attentionShown} of {v.attentionTotal} results that need attention are shown; every result is in the XLSX, CSV and JSON exports.
          </p>
        ) : null}
        <Item item={v.item} opts={{ mode: 'screen' }} />
      </section>
      <section class="block">
        <h2 class="part">History across assessments ({v.history.length})</h2>
        <table>
          <thead>
            <tr>
              <th>Assessment</th>
              <th>Generated</th>
              <th>Verdict</th>
            </tr>
          </thead>
          <tbody>
            {[...v.history].reverse().map((h) => (
              <tr>
                <td>
                  <a href={itemHref(h.assessmentId, v.item.itemId)}>#{h.assessmentId}</a>
                </td>
                <td>{dateTime(h.generatedAt)}</td>
                <td>
                  <Verdict v={h.verdict as ItemVerdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {v.attestationHistory.length > 0 ? (
          <>
            <h3>Attestation versions</h3>
            <table>
              <thead>
                <tr>
                  <th class="num">Version</th>
                  <th>When</th>
                  <th>Who</th>
                  <th>From</th>
                  <th>Answer</th>
                </tr>
              </thead>
              <tbody>
                {[...v.attestationHistory].reverse().map((h) => (
                  <tr>
                    <td class="num">{h.version}</td>
                    <td>{dateTime(h.changedAt)}</td>
                    <td>{h.changedBy}</td>
                    <td>{h.source}</td>
                    <td>{h.after && 'answer' in h.after ? h.after.answer : '(deleted)'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
  </div>
);

export const ItemPage: FC<{ c: AppContext; v: ItemView; flash?: Flash | null }> = ({ c, v, flash }) => {
  const d = v.definition;
  return (
    <>
      <p class="small">
        <a href={`/assessments/${v.stored.id}`}>← Assessment #{v.stored.id}</a>
      </p>
      <h1>
        <span class="mono">{v.item.itemId}</span> {v.item.title}
      </h1>
      {d ? (
        <section class="block">
          <h2 class="part">Requirement</h2>
          <p>{d.requirement}</p>
          {d.subQuestions && d.subQuestions.length > 0 ? (
            <>
              <h3>Sub-questions</h3>
              <ol>
                {d.subQuestions.map((q) => (
                  <li>
                    <span class="mono small">{q.id}</span> {q.text}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {d.evidence.length > 0 ? (
            <>
              <h3>Evidence the reviewer asks for</h3>
              <ul>
                {d.evidence.map((e) => (
                  <li>
                    {e.prompt} <span class="muted small">({e.accepts.join(', ')}{e.expiresAfterMonths ? `; valid ${e.expiresAfterMonths} months` : ''})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <ItemMain c={c} v={v} flash={flash ?? null} />
    </>
  );
};
