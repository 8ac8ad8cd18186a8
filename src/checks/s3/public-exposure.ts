/**
 * Is a bucket public right now? Combines the ACL, the bucket policy (AWS's own `IsPublic` when reported,
 * our policy analysis otherwise) and the effective Block Public Access switches (bucket OR account):
 *  - a public ACL (grant to AllUsers / AuthenticatedUsers) is neutralized by IgnorePublicAcls, or by
 *    Object Ownership = BucketOwnerEnforced (ACLs disabled);
 *  - a public policy is neutralized by RestrictPublicBuckets.
 * BlockPublicAcls and BlockPublicPolicy only reject new public ACLs/policies; they do not change what
 * already exists, so they do not make an existing grant private.
 * Object ACLs are never read (one call per object). They can make single objects public whenever ACLs are
 * enabled (Object Ownership other than BucketOwnerEnforced) and IgnorePublicAcls is off: such a bucket is
 * `objects-unverified`, not private.
 * Each step is three-valued: an unreadable input only matters when the verdict depends on it.
 */
import type { CollectionError, Observed } from '../../core/observed.js';
import type { AclGrant, BucketExposureReads, PublicAccessBlock } from '../../core/slices/s3.js';
import { parsePolicy, publicStatements } from './bucket-policy.js';

type Tri = 'yes' | 'no' | 'unknown';

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

export function publicGrants(grants: readonly AclGrant[]): string[] {
  return grants.flatMap((g) => {
    const group = g.groupUri ? PUBLIC_GROUPS[g.groupUri] : undefined;
    return group ? [`${g.permission} to ${group}`] : [];
  });
}

/** Account-level Block Public Access as the evaluator sees it: read, or not readable (with the reason). */
export type AccountPab = Observed<PublicAccessBlock | null> | { readonly ok: 'unreadable'; readonly reason: string };

export type ExposureInput = Pick<BucketExposureReads, 'publicAccessBlock' | 'policy' | 'policyIsPublic' | 'acl' | 'objectOwnership'>;

export interface ExposureVerdict {
  /**
   * `objects-unverified`: neither the bucket ACL nor the policy makes it public, but ACLs are enabled and
   * IgnorePublicAcls is off, so any object may carry its own public ACL (object ACLs are not read).
   */
  readonly status: 'public' | 'not-public' | 'objects-unverified' | 'unknown';
  /** Why the bucket is public, or why the public grants it has are neutralized: short clauses for messages. */
  readonly reasons: readonly string[];
  /** Why the verdict is unknown: the failed reads that mattered, or a sentence. */
  readonly unknownReasons: readonly (CollectionError | string)[];
  readonly evidence: Readonly<Record<string, unknown>>;
}

function flag(name: keyof PublicAccessBlock, bucket: Observed<PublicAccessBlock | null>, account: AccountPab): Tri {
  const b = bucket.ok ? (bucket.value?.[name] ?? false) : undefined;
  const a = account.ok === true ? (account.value?.[name] ?? false) : undefined;
  if (b === true || a === true) return 'yes';
  if (b === false && a === false) return 'no';
  return 'unknown';
}

export function evaluateExposure(input: ExposureInput, account: AccountPab): ExposureVerdict {
  const reasons: string[] = [];
  const unknownReasons: (CollectionError | string)[] = [];
  const noteError = (e: CollectionError) => unknownReasons.push(e);
  const pabUnknown = () => {
    if (!input.publicAccessBlock.ok) noteError(input.publicAccessBlock.error);
    if (account.ok === false) noteError(account.error);
    else if (account.ok === 'unreadable') unknownReasons.push(account.reason);
  };

  let objectAclNote: CollectionError | string | null = null;
  let objectAclNeedsPab = false;

  // ACL
  const ignorePublicAcls = flag('ignorePublicAcls', input.publicAccessBlock, account);
  const aclsDisabled = input.objectOwnership?.ok === true && input.objectOwnership.value === 'BucketOwnerEnforced';
  const aclGrants = !aclsDisabled && input.acl.ok ? publicGrants(input.acl.value.grants) : [];
  const aclPublic: Tri = aclsDisabled ? 'no' : input.acl.ok ? (aclGrants.length > 0 ? 'yes' : 'no') : 'unknown';
  const aclClause = `its ACL grants ${aclGrants.join(', ')}`;
  let aclExposure: Tri = 'no';
  if (aclPublic !== 'no') {
    if (ignorePublicAcls === 'yes') {
      if (aclPublic === 'yes') reasons.push(`${aclClause} but IgnorePublicAcls is on`);
    } else if (aclPublic === 'yes' && ignorePublicAcls === 'no') {
      aclExposure = 'yes';
      reasons.push(aclClause);
    } else {
      aclExposure = 'unknown';
      if (aclPublic === 'yes') {
        reasons.push(aclClause);
        pabUnknown();
      } else if (!input.acl.ok) noteError(input.acl.error);
    }
  }

  // Policy
  const restrictPublicBuckets = flag('restrictPublicBuckets', input.publicAccessBlock, account);
  const parsed = input.policy.ok && input.policy.value !== null ? parsePolicy(input.policy.value) : null;
  const statements = parsed?.ok ? publicStatements(parsed.statements) : [];
  let policyPublic: Tri;
  let policySource: 'GetBucketPolicyStatus' | 'policy analysis' | null = null;
  if (input.policyIsPublic.ok && input.policyIsPublic.value !== null) {
    // AWS's own analysis wins when it is reported.
    policyPublic = input.policyIsPublic.value ? 'yes' : 'no';
    policySource = 'GetBucketPolicyStatus';
  } else if (!input.policy.ok) policyPublic = 'unknown';
  else if (parsed === null) policyPublic = 'no';
  else {
    policySource = 'policy analysis';
    policyPublic = parsed.ok ? (statements.length > 0 ? 'yes' : 'no') : 'unknown';
  }
  const policyClause = `its bucket policy allows public access${statements.length > 0 ? ` (statement ${statements.join(', ')})` : ''}`;
  let policyExposure: Tri = 'no';
  if (policyPublic !== 'no') {
    if (restrictPublicBuckets === 'yes') {
      if (policyPublic === 'yes') reasons.push(`${policyClause} but RestrictPublicBuckets is on`);
    } else if (policyPublic === 'yes' && restrictPublicBuckets === 'no') {
      policyExposure = 'yes';
      reasons.push(policyClause);
    } else {
      policyExposure = 'unknown';
      if (policyPublic === 'yes') {
        reasons.push(policyClause);
        pabUnknown();
      } else if (!input.policy.ok) noteError(input.policy.error);
      else if (parsed && !parsed.ok) unknownReasons.push(parsed.reason);
    }
  }

  // Object ACLs: matter only when nothing else already decides the verdict.
  const ownership = input.objectOwnership;
  let objectAclExposure: Tri = 'no';
  if (!aclsDisabled && ignorePublicAcls !== 'yes') {
    if (ownership === undefined) {
      objectAclExposure = 'unknown';
      objectAclNote = 'Object Ownership was not collected for this bucket, so whether object ACLs can make objects public is unknown.';
    } else if (!ownership.ok) {
      objectAclExposure = 'unknown';
      objectAclNote = ownership.error;
    } else if (ignorePublicAcls === 'no') {
      objectAclExposure = 'yes';
    } else {
      objectAclExposure = 'unknown';
      objectAclNeedsPab = true;
    }
  }

  let status: ExposureVerdict['status'];
  if (aclExposure === 'yes' || policyExposure === 'yes') status = 'public';
  else if (aclExposure === 'no' && policyExposure === 'no') {
    if (objectAclExposure === 'no') status = 'not-public';
    else if (objectAclExposure === 'yes') {
      status = 'objects-unverified';
      reasons.push(
        `ACLs are enabled (Object Ownership ${ownership?.ok && ownership.value ? ownership.value : 'not set, i.e. ObjectWriter'}) and IgnorePublicAcls is off, so any object can be made public by its own object ACL, which the scan does not read`,
      );
    } else {
      status = 'unknown';
      if (objectAclNeedsPab) pabUnknown();
      if (objectAclNote !== null) unknownReasons.push(objectAclNote);
    }
  } else status = 'unknown';
  return {
    status,
    reasons,
    unknownReasons: status === 'unknown' ? [...new Set(unknownReasons)] : [],
    evidence: {
      publicAclGrants: aclGrants,
      aclsDisabled,
      objectOwnership: ownership === undefined ? 'not collected' : ownership.ok ? ownership.value : 'not observed',
      policyPublic,
      policySource,
      publicPolicyStatements: statements,
      effectiveIgnorePublicAcls: ignorePublicAcls,
      effectiveRestrictPublicBuckets: restrictPublicBuckets,
    },
  };
}
