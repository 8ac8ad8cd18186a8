import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { elbv2Collector } from './elbv2.collector.js';

const elb = mockClient(ElasticLoadBalancingV2Client);
const ALB = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/1';
const NLB = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/tcp/2';

function twoLoadBalancers(): void {
  elb.on(DescribeLoadBalancersCommand).resolves({
    LoadBalancers: [
      { LoadBalancerArn: ALB, LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', VpcId: 'vpc-1', AvailabilityZones: [{ ZoneName: 'us-east-1a' }, { ZoneName: 'us-east-1b' }] },
      { LoadBalancerArn: NLB, LoadBalancerName: 'tcp', Type: 'network', Scheme: 'internal' },
    ],
  });
  elb.on(DescribeListenersCommand, { LoadBalancerArn: ALB }).resolves({
    Listeners: [
      { ListenerArn: `${ALB}/l1`, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] },
      { ListenerArn: `${ALB}/l2`, Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', DefaultActions: [{ Type: 'forward' }] },
    ],
  });
  elb.on(DescribeRulesCommand).resolves({
    Rules: [{ RuleArn: `${ALB}/r0`, Priority: 'default', IsDefault: true, Actions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }],
  });
  elb.on(DescribeListenersCommand, { LoadBalancerArn: NLB }).resolves({
    Listeners: [{ ListenerArn: `${NLB}/l3`, Port: 5432, Protocol: 'TCP', DefaultActions: [{ Type: 'forward' }] }],
  });
}

describe('elbv2Collector', () => {
  beforeEach(() => elb.reset());

  it('collects load balancers with their listeners', async () => {
    twoLoadBalancers();
    const slice = await elbv2Collector.collect(testCollectorContext().ctx);
    expect(slice.loadBalancers.ok).toBe(true);
    const [alb, nlb] = slice.loadBalancers.ok ? slice.loadBalancers.value : [];
    expect(alb).toMatchObject({ name: 'web', type: 'application', scheme: 'internet-facing', availabilityZones: ['us-east-1a', 'us-east-1b'] });
    expect(alb?.listeners).toEqual({
      ok: true,
      value: [
        {
          listenerArn: `${ALB}/l1`,
          port: 80,
          protocol: 'HTTP',
          sslPolicy: null,
          defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' }],
          rules: { ok: true, value: [{ priority: 'default', isDefault: true, actions: [{ type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' }] }] },
        },
        { listenerArn: `${ALB}/l2`, port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', defaultActions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }] },
      ],
    });
    expect(nlb).toMatchObject({ scheme: 'internal', listeners: { ok: true, value: [{ protocol: 'TCP', port: 5432 }] } });
  });

  it('reads the rules (every page) of HTTP listeners that redirect by default, and only of those', async () => {
    twoLoadBalancers();
    elb
      .on(DescribeRulesCommand, { ListenerArn: `${ALB}/l1` })
      .resolvesOnce({
        Rules: [{ RuleArn: `${ALB}/r1`, Priority: '10', IsDefault: false, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] }],
        NextMarker: 'm',
      })
      .resolvesOnce({ Rules: [{ RuleArn: `${ALB}/r0`, Priority: 'default', IsDefault: true, Actions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] }] });
    const slice = await elbv2Collector.collect(testCollectorContext().ctx);
    const [alb] = slice.loadBalancers.ok ? slice.loadBalancers.value : [];
    const [http, https] = alb?.listeners.ok ? alb.listeners.value : [];
    expect(http?.rules).toEqual({
      ok: true,
      value: [
        { priority: '10', isDefault: false, actions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }] },
        { priority: 'default', isDefault: true, actions: [{ type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' }] },
      ],
    });
    expect(https?.rules).toBeUndefined();
    expect(elb.commandCalls(DescribeRulesCommand).every((c) => c.args[0].input.ListenerArn === `${ALB}/l1`)).toBe(true);
  });

  it('keeps other load balancers when listeners of one are denied', async () => {
    twoLoadBalancers();
    elb.on(DescribeListenersCommand, { LoadBalancerArn: ALB }).rejects(awsError('AccessDenied'));
    const slice = await elbv2Collector.collect(testCollectorContext().ctx);
    const [alb, nlb] = slice.loadBalancers.ok ? slice.loadBalancers.value : [];
    expect(alb?.listeners).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'DescribeListeners' } });
    expect(nlb?.listeners.ok).toBe(true);
  });

  it('gives a load balancer deleted since listing no listeners', async () => {
    twoLoadBalancers();
    elb.on(DescribeListenersCommand, { LoadBalancerArn: NLB }).rejects(awsError('LoadBalancerNotFound'));
    const slice = await elbv2Collector.collect(testCollectorContext().ctx);
    expect(slice.loadBalancers.ok && slice.loadBalancers.value[1]?.listeners).toEqual({ ok: true, value: [] });
  });

  it('turns an unsupported-API answer into an error value', async () => {
    elb.on(DescribeLoadBalancersCommand).rejects(awsError('404', 'Not Found', 404));
    const slice = await elbv2Collector.collect(testCollectorContext().ctx);
    expect(slice.loadBalancers).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(elb.commandCalls(DescribeListenersCommand)).toHaveLength(0);
  });
});
