import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { cloudfrontCollector } from './cloudfront.collector.js';

const cf = mockClient(CloudFrontClient);

describe('cloudfrontCollector', () => {
  beforeEach(() => cf.reset());

  it('collects viewer protocol policies, TLS policy and origin protocols from ListDistributions', async () => {
    cf.on(ListDistributionsCommand).resolves({
      DistributionList: {
        Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 1,
        Items: [
          {
            Id: 'E1', ARN: 'arn:aws:cloudfront::111111111111:distribution/E1', DomainName: 'd1.cloudfront.net', Enabled: true,
            Aliases: { Quantity: 1, Items: ['www.example.com'] },
            DefaultCacheBehavior: { TargetOriginId: 'o1', ViewerProtocolPolicy: 'redirect-to-https' },
            CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/api/*', TargetOriginId: 'o2', ViewerProtocolPolicy: 'allow-all' }] },
            ViewerCertificate: { CloudFrontDefaultCertificate: false, MinimumProtocolVersion: 'TLSv1.2_2021' },
            Origins: {
              Quantity: 2,
              Items: [
                { Id: 'o1', DomainName: 'bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } },
                { Id: 'o2', DomainName: 'api.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' } },
              ],
            },
          },
        ],
      } as never,
    });
    const slice = await cloudfrontCollector.collect(testCollectorContext().ctx);
    expect(slice.distributions).toEqual({
      ok: true,
      value: [
        {
          id: 'E1', arn: 'arn:aws:cloudfront::111111111111:distribution/E1', domainName: 'd1.cloudfront.net', aliases: ['www.example.com'], enabled: true,
          behaviors: [
            { pathPattern: '*', viewerProtocolPolicy: 'redirect-to-https' },
            { pathPattern: '/api/*', viewerProtocolPolicy: 'allow-all' },
          ],
          cloudFrontDefaultCertificate: false,
          minimumProtocolVersion: 'TLSv1.2_2021',
          origins: [
            { id: 'o1', domainName: 'bucket.s3.amazonaws.com', originProtocolPolicy: null },
            { id: 'o2', domainName: 'api.example.com', originProtocolPolicy: 'http-only' },
          ],
        },
      ],
    });
  });

  it('reads an account without distributions as an empty list', async () => {
    cf.on(ListDistributionsCommand).resolves({ DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: 0 } });
    const slice = await cloudfrontCollector.collect(testCollectorContext().ctx);
    expect(slice.distributions).toEqual({ ok: true, value: [] });
  });

  it('records a denied ListDistributions as an error value', async () => {
    cf.on(ListDistributionsCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await cloudfrontCollector.collect(ctx);
    expect(slice.distributions).toMatchObject({ ok: false, error: { kind: 'access_denied', service: 'cloudfront' } });
    expect(recorder.errors).toHaveLength(1);
  });

  it('turns an unsupported-API answer into an error value', async () => {
    cf.on(ListDistributionsCommand).rejects(awsError('404', 'Not Found', 404));
    const slice = await cloudfrontCollector.collect(testCollectorContext().ctx);
    expect(slice.distributions).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
  });
});
