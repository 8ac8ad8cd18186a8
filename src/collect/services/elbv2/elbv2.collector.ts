/** ELBv2 collector (regional): load balancers and, per load balancer, their listeners. */
import {
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import pLimit from 'p-limit';
import { observed } from '../../../core/observed.js';
import type { Listener, ListenerAction, LoadBalancer } from '../../../core/slices/elbv2.js';
import { collectPages, defineRegionalCollector } from '../../collector.js';

const SERVICE = 'elbv2';
const LISTENER_CONCURRENCY = 5;
const LB_NOT_FOUND = ['LoadBalancerNotFound', 'LoadBalancerNotFoundException'];

function toAction(a: Action): ListenerAction {
  return {
    type: a.Type ?? 'unknown',
    redirectProtocol: a.RedirectConfig?.Protocol ?? null,
    redirectPort: a.RedirectConfig?.Port ?? null,
  };
}

export const elbv2Collector = defineRegionalCollector({
  service: 'elbv2',
  scope: 'regional',
  operations: [
    { operation: 'DescribeLoadBalancers', iamAction: 'elasticloadbalancing:DescribeLoadBalancers' },
    { operation: 'DescribeListeners', iamAction: 'elasticloadbalancing:DescribeListeners', notFoundCodes: LB_NOT_FOUND },
  ],
  async collect(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client);
    const listed = await ctx.call(SERVICE, 'DescribeLoadBalancers', () =>
      collectPages(paginateDescribeLoadBalancers({ client }, {}), (p) => p.LoadBalancers),
    );
    if (!listed.ok) return { loadBalancers: listed };

    const limit = pLimit(LISTENER_CONCURRENCY);
    const loadBalancers = await Promise.all(
      listed.value.map((lb) =>
        limit(async (): Promise<LoadBalancer> => {
          const arn = lb.LoadBalancerArn ?? '';
          const result = await ctx.call(
            SERVICE,
            'DescribeListeners',
            () => collectPages(paginateDescribeListeners({ client }, { LoadBalancerArn: arn }), (p) => p.Listeners),
            { notFoundCodes: LB_NOT_FOUND },
          );
          const listeners = result.ok
            ? observed<readonly Listener[]>(
                // A load balancer deleted since it was listed has no listeners.
                (result.value ?? []).map((l) => ({
                  listenerArn: l.ListenerArn ?? '',
                  port: l.Port ?? null,
                  protocol: l.Protocol ?? 'unknown',
                  sslPolicy: l.SslPolicy ?? null,
                  defaultActions: (l.DefaultActions ?? []).map(toAction),
                })),
              )
            : result;
          return {
            arn,
            name: lb.LoadBalancerName ?? arn,
            type: lb.Type ?? 'application',
            scheme: lb.Scheme ?? 'internet-facing',
            vpcId: lb.VpcId ?? null,
            availabilityZones: (lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : [])),
            dnsName: lb.DNSName ?? null,
            listeners,
          };
        }),
      ),
    );
    return { loadBalancers: observed(loadBalancers) };
  },
});
