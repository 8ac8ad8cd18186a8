import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../core/slices/cloudfront.js';
import { aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { cloudfrontDistributionHttpsOnly as check } from './cloudfront-distribution-https-only.js';

const dist = (o: Partial<Distribution>): Distribution => ({
  id: 'E1', arn: 'arn:aws:cloudfront::111111111111:distribution/E1', domainName: 'd1.cloudfront.net', aliases: ['www.example.com'], enabled: true,
  behaviors: [{ pathPattern: '*', viewerProtocolPolicy: 'redirect-to-https' }],
  cloudFrontDefaultCertificate: false, minimumProtocolVersion: 'TLSv1.2_2021',
  origins: [{ id: 'o1', domainName: 'bucket.s3.amazonaws.com', originProtocolPolicy: null }],
  ...o,
});
const website = (domainName: string) => ({ id: 'site', domainName, originProtocolPolicy: 'http-only' });
const run = (d: Distribution) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ global: { cloudfront: observed({ distributions: observed([d]) }) } })] }));

describe('cloudfront_distribution_https_only', () => {
  it.each<[string, Distribution, string]>([
    ['redirect to HTTPS, TLS 1.2', dist({}), 'PASS'],
    ['HTTPS only with the default certificate', dist({ behaviors: [{ pathPattern: '*', viewerProtocolPolicy: 'https-only' }], cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' }), 'PASS'],
    ['custom origin over HTTPS', dist({ origins: [{ id: 'o', domainName: 'api.example.com', originProtocolPolicy: 'https-only' }] }), 'PASS'],
    ['default behavior allows HTTP', dist({ behaviors: [{ pathPattern: '*', viewerProtocolPolicy: 'allow-all' }] }), 'FAIL'],
    ['one path allows HTTP', dist({ behaviors: [{ pathPattern: '*', viewerProtocolPolicy: 'https-only' }, { pathPattern: '/img/*', viewerProtocolPolicy: 'allow-all' }] }), 'FAIL'],
    ['custom certificate accepting TLS 1.0', dist({ minimumProtocolVersion: 'TLSv1_2016' }), 'FAIL'],
    ['origin over HTTP only', dist({ origins: [{ id: 'o', domainName: 'api.example.com', originProtocolPolicy: 'http-only' }] }), 'FAIL'],
    // S3 website endpoints speak HTTP only; CloudFront must use http-only to reach them.
    ['S3 website endpoint origin (s3-website-region form)', dist({ origins: [website('my-site.s3-website-us-east-1.amazonaws.com')] }), 'MANUAL'],
    ['S3 website endpoint origin (s3-website.region form)', dist({ origins: [website('my-site.s3-website.eu-west-1.amazonaws.com')] }), 'MANUAL'],
    ['S3 website origin, but viewers may use HTTP', dist({ behaviors: [{ pathPattern: '*', viewerProtocolPolicy: 'allow-all' }], origins: [website('my-site.s3-website-us-east-1.amazonaws.com')] }), 'FAIL'],
    ['S3 website origin next to an HTTP-only API origin', dist({ origins: [website('my-site.s3-website-us-east-1.amazonaws.com'), { id: 'api', domainName: 'api.example.com', originProtocolPolicy: 'http-only' }] }), 'FAIL'],
  ])('%s -> %s', (_name, d, status) => {
    const [outcome] = run(d);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::CloudFront::Distribution', resourceId: 'E1', region: null });
  });

  it('says plainly that the hop to an S3 website endpoint is HTTP', () => {
    const [outcome] = run(dist({ origins: [website('my-site.s3-website-us-east-1.amazonaws.com')] }));
    expect(outcome?.message).toContain('viewers must use HTTPS');
    expect(outcome?.message).toContain('S3 website endpoint my-site.s3-website-us-east-1.amazonaws.com over HTTP');
    expect(outcome?.evidence).toMatchObject({ s3WebsiteOrigins: ['my-site.s3-website-us-east-1.amazonaws.com'], httpOnlyOrigins: [] });
  });

  it('lists every problem', () => {
    const [outcome] = run(dist({ behaviors: [{ pathPattern: '/api/*', viewerProtocolPolicy: 'allow-all' }], minimumProtocolVersion: 'SSLv3' }));
    expect(outcome?.message).toBe(
      'Distribution E1 (www.example.com): viewers may use HTTP on /api/*; its security policy SSLv3 still accepts TLS older than 1.2.',
    );
  });

  it('reports UNKNOWN for the account when distributions could not be listed', () => {
    const snapshot = aSnapshot({ accounts: [anAccount({ global: { cloudfront: observed({ distributions: denied('cloudfront', 'ListDistributions') }) } })] });
    expect(check.evaluate(snapshot)[0]).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Account' });
  });

  it('reports UNKNOWN when the collector did not run', () => {
    expect(check.evaluate(aSnapshot())[0]?.status).toBe('UNKNOWN');
  });
});
