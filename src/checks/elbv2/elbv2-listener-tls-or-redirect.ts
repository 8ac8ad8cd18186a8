import { defineCheck, fail, forEachRegion, manual, notApplicable, pass, regionRef, seen, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { Listener, LoadBalancer } from '../../core/slices/elbv2.js';
import { unknownBecause } from '../s3/s3-helpers.js';

const ENCRYPTED = new Set(['HTTPS', 'TLS']);

function listenerRef(accountId: string, region: string, l: Listener): ResourceRef {
  return { accountId, region, resourceType: 'AWS::ElasticLoadBalancingV2::Listener', resourceId: l.listenerArn, resourceArn: l.listenerArn };
}

function redirectsToHttps(l: Listener): boolean {
  return l.defaultActions.some((a) => a.type === 'redirect' && a.redirectProtocol?.toUpperCase() === 'HTTPS');
}

function evaluateListener(ref: ResourceRef, lb: LoadBalancer, l: Listener): CheckOutcome {
  const label = `Listener ${l.protocol}:${l.port ?? '?'} of ${lb.type} load balancer ${lb.name} (${lb.scheme})`;
  const evidence = {
    loadBalancer: lb.name,
    scheme: lb.scheme,
    protocol: l.protocol,
    port: l.port,
    sslPolicy: l.sslPolicy,
    defaultActions: l.defaultActions.map((a) => (a.type === 'redirect' ? `redirect to ${a.redirectProtocol ?? '#{protocol}'}` : a.type)),
  };
  const protocol = l.protocol.toUpperCase();
  if (ENCRYPTED.has(protocol)) return pass(ref, `${label} terminates TLS (policy ${l.sslPolicy ?? 'default'}).`, evidence);
  if (protocol === 'GENEVE') return notApplicable(ref, `${label} is a Gateway Load Balancer listener (GENEVE); TLS does not apply.`, evidence);
  if (protocol === 'HTTP' && redirectsToHttps(l)) {
    // The default action covers only requests no rule matches: a rule can still forward over plain HTTP.
    if (!l.rules) return unknown(ref, `${label} redirects to HTTPS by default, but its listener rules were not collected (rescan to read them).`, evidence);
    if (!l.rules.ok) return unknownBecause(ref, `${label} redirects to HTTPS by default, but its listener rules could not be read.`, [l.rules.error], evidence);
    const forwarding = l.rules.value.filter((r) => !r.isDefault && r.actions.some((a) => a.type === 'forward'));
    if (forwarding.length === 0) return pass(ref, `${label} only redirects to HTTPS.`, { ...evidence, rules: l.rules.value.length });
    const which = `rule(s) with priority ${forwarding.map((r) => r.priority).join(', ')}`;
    const ruleEvidence = { ...evidence, httpForwardingRules: forwarding.map((r) => r.priority) };
    if (lb.scheme === 'internal') {
      return manual(ref, `${label} redirects to HTTPS by default, but ${which} forward plain HTTP on an internal load balancer; confirm no client reaches it across the VPC boundary.`, ruleEvidence);
    }
    return fail(ref, `${label} redirects to HTTPS by default, but ${which} forward plain HTTP from the internet to targets.`, ruleEvidence);
  }
  if (lb.scheme === 'internal') {
    return manual(
      ref,
      `${label} carries unencrypted ${protocol} on an internal load balancer; confirm no client reaches it across the VPC boundary (VPN, peering, Direct Connect) or encrypt it.`,
      evidence,
    );
  }
  if (protocol === 'HTTP') return fail(ref, `${label} serves plain HTTP to the internet without redirecting to HTTPS.`, evidence);
  return manual(
    ref,
    `${label} passes ${protocol} through from the internet; confirm the application protocol on port ${l.port ?? '?'} is encrypted end to end, or use a TLS listener.`,
    evidence,
  );
}

export const elbv2ListenerTlsOrRedirect = defineCheck({
  id: 'elbv2_listener_tls_or_redirect',
  title: 'Load balancer listeners use TLS or redirect HTTP to HTTPS',
  service: 'elbv2',
  resourceType: 'AWS::ElasticLoadBalancingV2::Listener',
  severity: 'medium',
  reads: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules'],
  remediation: {
    summary:
      'Serve clients over HTTPS/TLS listeners with a current security policy (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06). Keep port 80 only as a listener whose default action redirects to HTTPS (HTTP 301).',
    console: 'EC2 console > Load Balancers > select the load balancer > Listeners > HTTP:80 > Edit > Default action: Redirect to HTTPS, port 443, 301.',
    cli: 'aws elbv2 modify-listener --listener-arn <listener-arn> --default-actions \'[{"Type":"redirect","RedirectConfig":{"Protocol":"HTTPS","Port":"443","StatusCode":"HTTP_301"}}]\'',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'elbv2', (elbv2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const lbs = seen(elbv2.loadBalancers, regionRef(account.accountId, region), out);
      if (!lbs) return out;
      for (const lb of lbs.value) {
        if (!lb.listeners.ok) {
          const lbRef = { accountId: account.accountId, region, resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', resourceId: lb.arn, resourceArn: lb.arn };
          out.push(unknown(lbRef, lb.listeners.error, { loadBalancer: lb.name }));
          continue;
        }
        for (const l of lb.listeners.value) out.push(evaluateListener(listenerRef(account.accountId, region, l), lb, l));
      }
      return out;
    }),
});
