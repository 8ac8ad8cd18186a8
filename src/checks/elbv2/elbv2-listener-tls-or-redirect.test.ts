import { describe, expect, it } from 'vitest';
import type { Listener, ListenerRule, LoadBalancer } from '../../core/slices/elbv2.js';
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
const toHttps = { type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' };
const forward = { type: 'forward', redirectProtocol: null, redirectPort: null };
/** A DescribeRules entry: Priority is a string ("1".."50000", or "default" for the default rule). */
const rule = (priority: string, actions: ListenerRule['actions']): ListenerRule => ({ priority, isDefault: priority === 'default', actions });
const defaultRule = rule('default', [toHttps]);

describe('elbv2_listener_tls_or_redirect', () => {
  it.each<[string, Listener, Partial<LoadBalancer>, string]>([
    ['HTTPS', listener({}), {}, 'PASS'],
    ['TLS on an NLB', listener({ protocol: 'TLS' }), { type: 'network' }, 'PASS'],
    ['HTTP redirecting to HTTPS', listener({ ...http, defaultActions: [toHttps], rules: observed([defaultRule]) }), {}, 'PASS'],
    ['HTTP redirecting to HTTPS, other rules redirect too', listener({ ...http, defaultActions: [toHttps], rules: observed([rule('1', [toHttps]), defaultRule]) }), {}, 'PASS'],
    // The default action is only what no rule matches: a rule can still forward /api/* over plain HTTP.
    ['HTTP redirecting by default, but a rule forwards /api over HTTP', listener({ ...http, defaultActions: [toHttps], rules: observed([rule('10', [forward]), defaultRule]) }), {}, 'FAIL'],
    ['HTTP redirecting by default, a rule forwards over HTTP, internal', listener({ ...http, defaultActions: [toHttps], rules: observed([rule('10', [forward]), defaultRule]) }), { scheme: 'internal' }, 'MANUAL'],
    ['HTTP redirecting by default, rules unreadable', listener({ ...http, defaultActions: [toHttps], rules: denied('elbv2', 'DescribeRules') }), {}, 'UNKNOWN'],
    ['HTTP redirecting by default, rules not collected (older snapshot)', listener({ ...http, defaultActions: [toHttps] }), {}, 'UNKNOWN'],
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
