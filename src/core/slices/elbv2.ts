/** Snapshot slice for Elastic Load Balancing v2 (ALB, NLB, GWLB) in one region. */
import type { Observed } from '../observed.js';

export interface ListenerAction {
  /** forward | redirect | fixed-response | authenticate-oidc | authenticate-cognito */
  readonly type: string;
  /** For redirect actions: the target protocol (`HTTPS`, or `#{protocol}` to keep the original). */
  readonly redirectProtocol: string | null;
  readonly redirectPort: string | null;
}

/** One listener rule (elasticloadbalancing:DescribeRules); the default rule has priority `default`. */
export interface ListenerRule {
  readonly priority: string;
  readonly isDefault: boolean;
  readonly actions: readonly ListenerAction[];
}

export interface Listener {
  readonly listenerArn: string;
  readonly port: number | null;
  /** HTTP | HTTPS | TCP | TLS | UDP | TCP_UDP | GENEVE */
  readonly protocol: string;
  readonly sslPolicy: string | null;
  readonly defaultActions: readonly ListenerAction[];
  /**
   * elasticloadbalancing:DescribeRules, read only for HTTP listeners whose default action redirects to HTTPS
   * (another rule may still forward over HTTP). Absent for other listeners and in older snapshots.
   */
  readonly rules?: Observed<readonly ListenerRule[]>;
}

export interface LoadBalancer {
  readonly arn: string;
  readonly name: string;
  /** application | network | gateway */
  readonly type: string;
  /** internet-facing | internal */
  readonly scheme: string;
  readonly vpcId: string | null;
  readonly availabilityZones: readonly string[];
  readonly dnsName: string | null;
  /** elasticloadbalancing:DescribeListeners for this load balancer. */
  readonly listeners: Observed<readonly Listener[]>;
}

export interface Elbv2Slice {
  readonly loadBalancers: Observed<readonly LoadBalancer[]>;
}
