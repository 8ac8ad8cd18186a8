/** Snapshot slice for CloudFront (global): distributions with their viewer and origin protocols. */
import type { Observed } from '../observed.js';

export interface CacheBehaviorProtocol {
  /** `*` for the default cache behavior, otherwise the path pattern. */
  readonly pathPattern: string;
  /** allow-all | redirect-to-https | https-only */
  readonly viewerProtocolPolicy: string;
}

export interface DistributionOrigin {
  readonly id: string;
  readonly domainName: string;
  /** Custom origins only: http-only | match-viewer | https-only. Null for S3 (REST) origins. */
  readonly originProtocolPolicy: string | null;
}

export interface Distribution {
  readonly id: string;
  readonly arn: string;
  readonly domainName: string;
  readonly aliases: readonly string[];
  readonly enabled: boolean;
  readonly behaviors: readonly CacheBehaviorProtocol[];
  /** True when the distribution uses the *.cloudfront.net certificate (TLS policy not configurable). */
  readonly cloudFrontDefaultCertificate: boolean;
  /** Viewer TLS security policy, e.g. `TLSv1.2_2021`; null when not reported. */
  readonly minimumProtocolVersion: string | null;
  readonly origins: readonly DistributionOrigin[];
}

export interface CloudFrontSlice {
  readonly distributions: Observed<readonly Distribution[]>;
}
