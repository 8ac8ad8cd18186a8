/**
 * FTR SECOPS-001, SDAT-001..003 (gated by SDAT-000), RCVP-001 and the competency's data items 1.20-1.25:
 * vulnerability management, classification, encryption at rest and in transit, compliance claims.
 */
import { observed } from '../../../src/core/observed.js';
import type { Distribution } from '../../../src/core/slices/cloudfront.js';
import type { Listener } from '../../../src/core/slices/elbv2.js';
import { attest, COMP, FTR, gate, type Scenario } from '../scenario.js';
import { deny, global, regional } from '../mutations.js';
import { bucket, ec2 } from '../fixtures.js';
import { WORKLOAD } from '../well-run-account.js';
import { standard } from './standard.js';

const noInspector = regional('inspector2', () => ({ account: observed({ status: 'DISABLED', ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' }) }));
const noSecurityHub = regional('securityhub', () => ({ hub: observed(null), enabledStandards: observed(null) }));
const noMacie = regional('macie', (m) => ({ ...m, session: observed(null), classificationJobs: observed(null), automatedDiscoveryStatus: observed(null) }));
const unencryptedDatabase = regional('rds', (r) => ({ ...r, instances: observed((r.instances.ok ? r.instances.value : []).map((i) => ({ ...i, storageEncrypted: false }))) }), [WORKLOAD]);
const unencryptedVolume = ec2((s) => ({ ...s, volumes: observed((s.volumes.ok ? s.volumes.value : []).map((v, i) => (i === 0 ? { ...v, encrypted: false, kmsKeyId: null } : v))) }));
const rotationOff = regional('kms', (k) => ({ ...k, keys: observed((k.keys.ok ? k.keys.value : []).map((key) => ({ ...key, rotationEnabled: observed(false) }))) }), [WORKLOAD]);
const noEbsDefaultEncryption = ec2((s) => ({ ...s, ebsEncryptionByDefault: observed(false) }), ['us-east-1']);
const listeners = (fn: (l: Listener) => Listener) =>
  regional('elbv2', (e) => ({ ...e, loadBalancers: observed((e.loadBalancers.ok ? e.loadBalancers.value : []).map((lb) => ({ ...lb, listeners: observed((lb.listeners.ok ? lb.listeners.value : []).map(fn)) }))) }), [WORKLOAD]);
/** Port 80 forwards to the app instead of redirecting to HTTPS. */
const plainHttpListener = listeners((l) => (l.port === 80 ? { ...l, defaultActions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }] } : l));
const distributions = (fn: (d: Distribution) => Distribution) => global('cloudfront', (c) => ({ ...c, distributions: observed((c.distributions.ok ? c.distributions.value : []).map(fn)) }));
const viewerHttpAllowed = distributions((d) => ({ ...d, behaviors: [{ pathPattern: 'Default (*)', viewerProtocolPolicy: 'allow-all' }] }));
/** Issue 7 §1: CloudFront in front of an S3 website endpoint, which only speaks HTTP. */
const s3WebsiteOrigin = distributions((d) => ({ ...d, origins: [{ id: 'site', domainName: 'acme-site.s3-website-eu-west-1.amazonaws.com', originProtocolPolicy: 'http-only' }] }));
const noTlsOnlyPolicy = bucket('acme-tenant-data', { policy: observed(null) });
const sdatGate = [gate('SDAT-000', 'yes')];

export const scenarios: Scenario[] = [
  ...standard(FTR, 'SECOPS-001'),
  { framework: FTR, item: 'SECOPS-001', kind: 'alternative', name: 'no Inspector: Trivy in CI/CD and Snyk on dependencies (attested)', mutations: [noInspector] },
  { framework: FTR, item: 'SECOPS-001', kind: 'met', name: 'no Security Hub (advisory here): Inspector scans', mutations: [noSecurityHub] },
  { framework: FTR, item: 'SECOPS-001', kind: 'unseen', name: 'Inspector status unreadable', mutations: [deny.regional('inspector2', 'BatchGetAccountStatus')], attest: null },

  ...standard(FTR, 'SDAT-001'),
  { framework: FTR, item: 'SDAT-001', kind: 'alternative', name: 'no Macie: a maintained data inventory with classes (attested)', mutations: [noMacie], gates: sdatGate },
  { framework: FTR, item: 'SDAT-001', kind: 'unseen', name: 'Macie unreadable', mutations: [deny.regional('macie', 'GetMacieSession')], attest: null },

  ...standard(FTR, 'SDAT-002'),
  { framework: FTR, item: 'SDAT-002', kind: 'alternative', name: 'an unencrypted database holding no sensitive data (attested, naming the stores that do)', mutations: [unencryptedDatabase] },
  { framework: FTR, item: 'SDAT-002', kind: 'alternative', name: 'an unencrypted scratch volume', mutations: [unencryptedVolume] },
  { framework: FTR, item: 'SDAT-002', kind: 'met', name: 'issue 7 §1: KMS key rotation off and EBS default encryption off in an empty region are advisory only', mutations: [rotationOff, noEbsDefaultEncryption] },
  { framework: FTR, item: 'SDAT-002', kind: 'unseen', name: 'RDS and EC2 unreadable', mutations: [deny.regional('rds', 'DescribeDBInstances'), deny.regional('ec2', 'DescribeVolumes')], attest: null },

  ...standard(FTR, 'SDAT-003'),
  { framework: FTR, item: 'SDAT-003', kind: 'alternative', name: 'issue 7 §1: a bucket without a TLS-only policy holding no sensitive data (attested)', mutations: [noTlsOnlyPolicy] },
  { framework: FTR, item: 'SDAT-003', kind: 'alternative', name: 'a distribution that allows viewer HTTP for public assets (attested)', mutations: [viewerHttpAllowed] },
  { framework: FTR, item: 'SDAT-003', kind: 'needs-evidence', attest: null, name: 'issue 7 §1: CloudFront in front of an S3 website endpoint (HTTP only by AWS design) is MANUAL, not FAIL', mutations: [s3WebsiteOrigin], reason: 'cloudfront_distribution_https_only needs a person' },
  { framework: FTR, item: 'SDAT-003', kind: 'unseen', name: 'load balancers and distributions unreadable', mutations: [deny.regional('elbv2', 'DescribeLoadBalancers'), deny.global('cloudfront', 'ListDistributions')], attest: null },
  { framework: FTR, item: 'SDAT-003', kind: 'not-applicable', name: 'no PII stored (SDAT-000 "no") wins over a plain-HTTP listener', mutations: [plainHttpListener], gates: [gate('SDAT-000', 'no')] },

  ...standard(FTR, 'RCVP-001'),
  { framework: FTR, item: 'RCVP-001', kind: 'alternative', name: 'no Security Hub: SOC 2 report and ISO certificate keep the claims current (attested)', mutations: [noSecurityHub] },
  { framework: FTR, item: 'RCVP-001', kind: 'not-applicable', name: 'issue 7 §1: no compliance claim at all, attested not-applicable, wins over the Security Hub FAIL', mutations: [noSecurityHub], attest: attest('RCVP-001', 'not-applicable', { justification: 'The product makes no compliance claim.' }) },
  { framework: FTR, item: 'RCVP-001', kind: 'unseen', name: 'Security Hub unreadable', mutations: [deny.regional('securityhub', 'DescribeHub')], attest: null },

  ...standard(COMP, '1.20'),
  { framework: COMP, item: '1.20', kind: 'alternative', name: 'neither Config nor GuardDuty Runtime Monitoring: OSSEC ships file changes to the SIEM (attested)', mutations: [regional('config', (c) => ({ ...c, recorders: observed([]), recorderStatuses: observed([]) })), regional('guardduty', () => ({ detectors: observed([]) }))] },
  { framework: COMP, item: '1.20', kind: 'unseen', name: 'Config and GuardDuty unreadable', mutations: [deny.regional('config', 'DescribeConfigurationRecorders'), deny.regional('guardduty', 'ListDetectors')], attest: null },

  ...standard(COMP, '1.21'),
  { framework: COMP, item: '1.21', kind: 'alternative', name: 'no Macie: documented classification (attested)', mutations: [noMacie] },
  { framework: COMP, item: '1.21', kind: 'unseen', name: 'Macie unreadable', mutations: [deny.regional('macie', 'GetMacieSession')], attest: null },

  ...standard(COMP, '1.22'),
  { framework: COMP, item: '1.22', kind: 'alternative', name: 'an unencrypted database holding no sensitive data (attested)', mutations: [unencryptedDatabase] },
  { framework: COMP, item: '1.22', kind: 'unseen', name: 'RDS, EC2 and S3 unreadable', mutations: [deny.regional('rds', 'DescribeDBInstances'), deny.regional('ec2', 'DescribeVolumes'), deny.global('s3', 'ListBuckets')], attest: null },

  ...standard(COMP, '1.23'),
  { framework: COMP, item: '1.23', kind: 'met', name: 'key rotation off is advisory only (keys in KMS, attested)', mutations: [rotationOff] },

  ...standard(COMP, '1.24'),
  { framework: COMP, item: '1.24', kind: 'not-met', name: 'an internet-facing listener serving plain HTTP', mutations: [plainHttpListener], reason: 'elbv2_listener_tls_or_redirect' },
  {
    framework: COMP, item: '1.24', kind: 'needs-evidence', attest: null, name: 'plain HTTP on an internal load balancer: for a person (does a client cross the VPC boundary?), not a FAIL',
    mutations: [plainHttpListener, regional('elbv2', (e) => ({ ...e, loadBalancers: observed((e.loadBalancers.ok ? e.loadBalancers.value : []).map((lb) => ({ ...lb, scheme: 'internal' }))) }), [WORKLOAD])],
    reason: 'elbv2_listener_tls_or_redirect needs a person',
  },
  { framework: COMP, item: '1.24', kind: 'unknown', name: 'DescribeLoadBalancers denied', mutations: [deny.regional('elbv2', 'DescribeLoadBalancers')] },
  { framework: COMP, item: '1.24', kind: 'alternative', name: 'HTTP viewers on a distribution that only serves public assets (attested)', mutations: [viewerHttpAllowed] },

  ...standard(COMP, '1.25'),
];
