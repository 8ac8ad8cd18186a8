import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';

export const rdsInstanceNotPubliclyAccessible = defineCheck({
  id: 'rds_instance_not_publicly_accessible',
  title: 'RDS instances are not publicly accessible',
  service: 'rds',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'high',
  reads: ['rds:DescribeDBInstances'],
  remediation: {
    summary:
      'Turn off "Publicly accessible" so the instance gets no public IP, keep it in private subnets and reach it through the application tier, a bastion/SSM port forwarding or a VPN.',
    console: 'RDS console > Databases > <instance> > Modify > Connectivity > Additional configuration > Not publicly accessible > Apply immediately.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --no-publicly-accessible --apply-immediately',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'rds', (rds, account, { region }) => {
      if (!rds.instances.ok) return [unknown(regionRef(account.accountId, region), rds.instances.error)];
      return rds.instances.value.map((db): CheckOutcome => {
        const ref = { accountId: account.accountId, region, resourceType: 'AWS::RDS::DBInstance', resourceId: db.id, resourceArn: db.arn };
        const label = `RDS instance ${db.id} (${account.accountId}/${region})`;
        const evidence = { engine: db.engine, publiclyAccessible: db.publiclyAccessible, clusterId: db.clusterId };
        if (db.publiclyAccessible === null) return unknown(ref, `${label}: RDS did not report whether it is publicly accessible.`, evidence);
        return db.publiclyAccessible
          ? fail(ref, `${label} is publicly accessible (it has a public endpoint; its security groups decide who can reach it).`, evidence)
          : pass(ref, `${label} is not publicly accessible.`, evidence);
      });
    }),
});
