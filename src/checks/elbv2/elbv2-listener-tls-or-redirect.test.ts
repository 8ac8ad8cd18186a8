import { describe, expect, it } from 'vitest';
import type { Listener, LoadBalancer } from '../../core/slices/elbv2.js';
import { inRegion } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { elbv2ListenerTlsOrRedirect as check } from './elbv2-listener-tls-or-redirect.js';

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/web/1';
const listener = (o: Partial<Listener>): Listener => ({
  listenerArn: `${ARN}/l1`, port: 443, protocol: 'HTTPS', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', defaultActions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }], ...o,
});
const lb = (listeners: LoadBalancer['listeners'], o: Partial<LoadBalancer> = {}): LoadBalancer => ({
  arn: ARN, name: 'web', type: 'application', scheme: 'internet-facing', vpcId: 'vpc-1', availabilityZones: ['eu-west-1a'], dnsName: null, listeners, ...o,
});
const run = (l: Listener, o: Partial<LoadBalancer> = {}) => check.evaluate(inRegion({ elbv2: observed({ loadBalancers: observed([lb(observed([l]), o)]) }) }));
const http = { port: 80, protocol: 'HTTP', sslPolicy: null };

describe('elbv2_listener_tls_or_redirect', () => {
  it.each<[string, Listener, Partial<LoadBalancer>, string]>([
    ['HTTPS', listener({}), {}, 'PASS'],
    ['TLS on an NLB', listener({ protocol: 'TLS' }), { type: 'network' }, 'PASS'],
    ['HTTP redirecting to HTTPS', listener({ ...http, defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' }] }), {}, 'PASS'],
    ['HTTP forwarding, internet-facing', listener({ ...http }), {}, 'FAIL'],
    ['HTTP redirect keeping the protocol', listener({ ...http, defaultActions: [{ type: 'redirect', redirectProtocol: '#{protocol}', redirectPort: '8080' }] }), {}, 'FAIL'],
    ['HTTP forwarding, internal', listener({ ...http }), { scheme: 'internal' }, 'MANUAL'],
    ['TCP pass-through, internet-facing', listener({ protocol: 'TCP', port: 5432, sslPolicy: null }), { type: 'network' }, 'MANUAL'],
    ['GENEVE on a gateway load balancer', listener({ protocol: 'GENEVE', port: 6081, sslPolicy: null }), { type: 'gateway' }, 'NOT_APPLICABLE'],
  ])('%s -> %s', (_name, l, o, status) => {
    const [outcome] = run(l, o);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::ElasticLoadBalancingV2::Listener', resourceId: `${ARN}/l1` });
  });

  it('explains a plain HTTP listener', () => {
    expect(run(listener({ ...http }))[0]?.message).toBe(
      'Listener HTTP:80 of application load balancer web (internet-facing) serves plain HTTP to the internet without redirecting to HTTPS.',
    );
  });

  it('reports UNKNOWN for a load balancer whose listeners could not be read', () => {
    const [outcome] = check.evaluate(inRegion({ elbv2: observed({ loadBalancers: observed([lb(denied('elbv2', 'DescribeListeners'))]) }) }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', resourceId: ARN });
  });

  it('reports UNKNOWN for the region when load balancers could not be read', () => {
    const [outcome] = check.evaluate(inRegion({ elbv2: observed({ loadBalancers: denied('elbv2', 'DescribeLoadBalancers') }) }));
    expect(outcome).toMatchObject({ status: 'UNKNOWN', resourceType: 'AWS::::Region' });
  });
});
