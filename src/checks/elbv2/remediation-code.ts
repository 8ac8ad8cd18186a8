/** CloudFormation and Terraform fixes for the load balancer checks (src/core/remediation-code.ts). */
import { lines, type RemediationCodeTable } from '../../core/remediation-code.js';

export const ELBV2_REMEDIATION_CODE: RemediationCodeTable = {
  elbv2_listener_tls_or_redirect: {
    cloudformationType: 'AWS::ElasticLoadBalancingV2::Listener',
    terraformType: 'aws_lb_listener',
    cloudformation: lines(
      'HttpToHttpsListener:',
      '  Type: AWS::ElasticLoadBalancingV2::Listener',
      '  Properties:',
      '    LoadBalancerArn: !Ref PublicLoadBalancer',
      '    Port: 80',
      '    Protocol: HTTP',
      '    DefaultActions:',
      '      - Type: redirect',
      '        RedirectConfig:',
      "          Protocol: HTTPS",
      "          Port: '443'",
      '          StatusCode: HTTP_301',
    ),
    terraform: lines(
      'resource "aws_lb_listener" "http_to_https" {',
      '  load_balancer_arn = aws_lb.public.arn',
      '  port              = 80',
      '  protocol          = "HTTP"',
      '  default_action {',
      '    type = "redirect"',
      '    redirect {',
      '      protocol    = "HTTPS"',
      '      port        = "443"',
      '      status_code = "HTTP_301"',
      '    }',
      '  }',
      '}',
    ),
  },
};
