/** ELBv2 collector (regional): load balancers, their listeners, and the rules of HTTP listeners that redirect to HTTPS. */
import {
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeRules,
  type Action,
  type Listener as SdkListener,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import pLimit from 'p-limit';
import { observed, type Observed } from '../../../core/observed.js';
import type { Listener, ListenerAction, ListenerRule, LoadBalancer } from '../../../core/slices/elbv2.js';
import { collectPages, defineRegionalCollector, type CollectorContext } from '../../collector.js';

const SERVICE = 'elbv2';
const LISTENER_CONCURRENCY = 5;
const LB_NOT_FOUND = ['LoadBalancerNotFound', 'LoadBalancerNotFoundException'];
const LISTENER_NOT_FOUND = ['ListenerNotFound', 'ListenerNotFoundException'];

function toAction(a: Action): ListenerAction {
  return {
    type: a.Type ?? 'unknown',
    redirectProtocol: a.RedirectConfig?.Protocol ?? null,
    redirectPort: a.RedirectConfig?.Port ?? null,
  };
}

/** An HTTP listener that redirects to HTTPS by default: only its other rules can still serve plain HTTP. */
function redirectsByDefault(l: SdkListener): boolean {
  return l.Protocol === 'HTTP' && (l.DefaultActions ?? []).some((a) => a.Type === 'redirect' && a.RedirectConfig?.Protocol?.toUpperCase() === 'HTTPS');
}

async function readRules(ctx: CollectorContext, client: ElasticLoadBalancingV2Client, listenerArn: string): Promise<Observed<readonly ListenerRule[]>> {
  const rules = await ctx.call(
    SERVICE,
    'DescribeRules',
    () => collectPages(paginateDescribeRules({ client }, { ListenerArn: listenerArn }), (p) => p.Rules),
    { notFoundCodes: LISTENER_NOT_FOUND },
  );
  if (!rules.ok) return rules;
  return observed(
    (rules.value ?? []).map((r) => ({ priority: r.Priority ?? '?', isDefault: r.IsDefault ?? false, actions: (r.Actions ?? []).map(toAction) })),
  );
}

export const elbv2Collector = defineRegionalCollector({
  service: 'elbv2',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  operations: [
    { operation: 'DescribeLoadBalancers', iamAction: 'elasticloadbalancing:DescribeLoadBalancers' },
    { operation: 'DescribeListeners', iamAction: 'elasticloadbalancing:DescribeListeners', notFoundCodes: LB_NOT_FOUND },
    { operation: 'DescribeRules', iamAction: 'elasticloadbalancing:DescribeRules', notFoundCodes: LISTENER_NOT_FOUND },
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
                await Promise.all(
                  (result.value ?? []).map(async (l) => ({
                    listenerArn: l.ListenerArn ?? '',
                    port: l.Port ?? null,
                    protocol: l.Protocol ?? 'unknown',
                    sslPolicy: l.SslPolicy ?? null,
                    defaultActions: (l.DefaultActions ?? []).map(toAction),
                    ...(redirectsByDefault(l) && l.ListenerArn ? { rules: await readRules(ctx, client, l.ListenerArn) } : {}),
                  })),
                ),
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
