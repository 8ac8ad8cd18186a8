import { accountRef, defineCheck, fail, forEachAccount, manual, pass, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';

const SECURE_VIEWER_POLICIES = new Set(['redirect-to-https', 'https-only']);
/** Viewer TLS security policies that still accept SSLv3, TLS 1.0 or TLS 1.1. */
const WEAK_TLS_POLICIES = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);
/** S3 static website endpoints (`<bucket>.s3-website-<region>` or `.s3-website.<region>`): HTTP only, by AWS design. */
const S3_WEBSITE_ENDPOINT = /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$/i;

export function isS3WebsiteEndpoint(domainName: string): boolean {
  return S3_WEBSITE_ENDPOINT.test(domainName);
}

/**
 * SDAT-003 (in transit): viewers reach every cache behavior over HTTPS with TLS 1.2+, and custom origins are
 * not reached over plain HTTP. An S3 website endpoint origin (HTTP by AWS design) with HTTPS viewers is
 * MANUAL with that reason, not FAIL: the viewer side crosses the internet, the origin hop stays within AWS.
 */
export const cloudfrontDistributionHttpsOnly = defineCheck({
  id: 'cloudfront_distribution_https_only',
  title: 'CloudFront distributions require HTTPS to viewers and origins',
  service: 'cloudfront',
  resourceType: 'AWS::CloudFront::Distribution',
  severity: 'medium',
  reads: ['cloudfront:ListDistributions'],
  remediation: {
    summary:
      'Set every cache behavior\'s viewer protocol policy to "Redirect HTTP to HTTPS" or "HTTPS only", use a TLSv1.2_2021 (or newer) security policy on custom certificates, and do not send traffic to custom origins over HTTP only.',
    console:
      'CloudFront console > Distributions > select > Behaviors > Edit each behavior > Viewer protocol policy: Redirect HTTP to HTTPS. General > Settings > Edit > Security policy: TLSv1.2_2021. Origins > Edit > Protocol: HTTPS only.',
    cli: [
      'aws cloudfront get-distribution-config --id <distribution-id> > dist.json',
      '# set ViewerProtocolPolicy to redirect-to-https (DefaultCacheBehavior and CacheBehaviors), MinimumProtocolVersion to TLSv1.2_2021',
      'aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://dist-config.json',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'cloudfront', (cloudfront, account) => {
      const out: CheckOutcome[] = [];
      const ref0 = { accountId: account.accountId, region: null, resourceType: 'AWS::CloudFront::Distribution' };
      if (!cloudfront.distributions.ok) return [unknown(accountRef(account), cloudfront.distributions.error)];
      for (const d of cloudfront.distributions.value) {
        const ref = { ...ref0, resourceId: d.id, resourceArn: d.arn || null };
        const label = `Distribution ${d.id} (${d.aliases[0] ?? d.domainName})`;
        const insecureBehaviors = d.behaviors.filter((b) => !SECURE_VIEWER_POLICIES.has(b.viewerProtocolPolicy));
        const weakTls = !d.cloudFrontDefaultCertificate && d.minimumProtocolVersion !== null && WEAK_TLS_POLICIES.has(d.minimumProtocolVersion);
        const plainHttp = d.origins.filter((o) => o.originProtocolPolicy === 'http-only');
        // An S3 website endpoint cannot speak HTTPS: that hop is reported, not failed (the viewer side decides).
        const websiteOrigins = plainHttp.filter((o) => isS3WebsiteEndpoint(o.domainName));
        const httpOrigins = plainHttp.filter((o) => !isS3WebsiteEndpoint(o.domainName));
        const evidence = {
          enabled: d.enabled,
          behaviors: d.behaviors,
          cloudFrontDefaultCertificate: d.cloudFrontDefaultCertificate,
          minimumProtocolVersion: d.minimumProtocolVersion,
          httpOnlyOrigins: httpOrigins.map((o) => o.domainName),
          s3WebsiteOrigins: websiteOrigins.map((o) => o.domainName),
        };
        const problems = [
          ...(insecureBehaviors.length
            ? [`viewers may use HTTP on ${insecureBehaviors.map((b) => (b.pathPattern === '*' ? 'the default behavior' : b.pathPattern)).join(', ')}`]
            : []),
          ...(weakTls ? [`its security policy ${d.minimumProtocolVersion ?? ''} still accepts TLS older than 1.2`] : []),
          ...(httpOrigins.length ? [`it reaches origin(s) ${httpOrigins.map((o) => o.domainName).join(', ')} over HTTP only`] : []),
        ];
        const websiteHop = `CloudFront reaches the S3 website endpoint ${websiteOrigins.map((o) => o.domainName).join(', ')} over HTTP (website endpoints do not support HTTPS)`;
        if (problems.length > 0) {
          out.push(fail(ref, `${label}: ${problems.join('; ')}${websiteOrigins.length > 0 ? `; ${websiteHop}` : ''}.`, evidence));
        } else if (websiteOrigins.length > 0) {
          out.push(
            manual(
              ref,
              `${label}: viewers must use HTTPS, but ${websiteHop}. Serve the bucket through its REST endpoint with origin access control for TLS end to end, or confirm that the content is public and the HTTP hop within AWS is acceptable.`,
              evidence,
            ),
          );
        } else {
          out.push(pass(ref, `${label} requires HTTPS from viewers${d.origins.some((o) => o.originProtocolPolicy) ? ' and to its custom origins' : ''}.`, evidence));
        }
      }
      return out;
    }),
});
