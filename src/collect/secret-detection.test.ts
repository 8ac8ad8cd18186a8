import { describe, expect, it } from 'vitest';
import { detectSecretsInText, detectSecretsInVariables } from './secret-detection.js';

// Fake, made-up values shaped like real credentials. None of them is valid anywhere.
const KEY_ID = 'AKIA2OGYBAH6TQWERT12';
const SECRET_KEY = 'q8Zr3vT0nW5yB2mK9pL4xC7hD1fG6jS0aE3uR8oI';
const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;
const SLACK = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
const STRIPE = 'sk_live_51HqLyjWDarjtT1zdp7dc';
const DB_PASSWORD = 'Tr0ub4dor&3-horse';

describe('detectSecretsInText', () => {
  it.each([
    ['access key id', `export AWS_ACCESS_KEY_ID=${KEY_ID}`, 'aws-access-key-id'],
    ['secret key next to a key id', `aws_access_key_id = ${KEY_ID}\nfoo = ${SECRET_KEY}`, 'aws-secret-access-key'],
    ['secret key named as such', `aws configure set aws_secret_access_key ${SECRET_KEY}`, 'aws-secret-access-key'],
    ['RSA private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'private-key'],
    ['OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----', 'private-key'],
    ['password assignment', 'export DB_PASSWORD="hunter2hunter2"', 'password-assignment'],
    ['yaml password', '  password: s3cr3tValue', 'password-assignment'],
    ['json token', '{"api_token": "abcdef123456"}', 'token-assignment'],
    ['cli flag', 'mysql --password s3cr3tValue -h db', 'password-assignment'],
    ['cli flag with =', 'app --client-secret=abcdEFGH1234', 'secret-assignment'],
    ['api key', 'STRIPE_API_KEY=abcd1234efgh', 'api-key-assignment'],
    ['connection string', 'DATABASE_URL=postgres://admin:pa55word@db.internal:5432/app', 'connection-string-credentials'],
    ['github token', `git clone https://${GITHUB}@github.com/acme/app.git`, 'github-token'],
    ['slack token', `SLACK=${SLACK}`, 'slack-token'],
    ['stripe live key', `key ${STRIPE}`, 'stripe-live-key'],
  ])('finds %s', (_name, text, kind) => {
    const kinds = detectSecretsInText(text, 'userData').map((f) => f.kind);
    expect(kinds).toContain(kind);
  });

  it.each([
    ['plain script', '#!/bin/bash\nyum update -y\nsystemctl start httpd'],
    ['IMDSv2 token fetch', 'TOKEN=$(curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")'],
    ['secret fetched at boot', 'DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)'],
    ['variable reference', 'password=${DB_PASSWORD}'],
    ['ARN reference', 'DB_SECRET_ARN=arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db'],
    ['parameter path', 'DB_PASSWORD=/prod/db/password'],
    ['placeholder', 'password: ********'],
    ['boolean', 'require_token: true'],
    ['ttl', 'TOKEN_TTL=3600'],
    ['AWS docs example key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['git sha near nothing', 'checkout 3f786850e387550fdab836ed7e6dc881de23001b'],
    ['URL without credentials', 'curl https://example.com/install.sh | bash'],
    ['URL with variable password', 'mongodb://app:${MONGO_PASS}@mongo:27017'],
    ['public key', '-----BEGIN PUBLIC KEY-----'],
    ['shell PWD', 'PWD=/home/ec2-user'],
  ])('ignores %s', (_name, text) => {
    expect(detectSecretsInText(text, 'userData')).toEqual([]);
  });

  it('reports 1-based line locations and does not repeat the same finding', () => {
    const findings = detectSecretsInText(`#!/bin/bash\necho hi\nexport API_TOKEN=abcd1234efgh\nexport API_TOKEN=abcd1234efgh`, 'userData');
    expect(findings).toEqual([
      { location: 'userData:line 3', kind: 'token-assignment', hint: 'API_TOKEN set to a 12-character literal' },
      { location: 'userData:line 4', kind: 'token-assignment', hint: 'API_TOKEN set to a 12-character literal' },
    ]);
  });

  it('prefers the specific kind over a generic assignment for the same value', () => {
    const findings = detectSecretsInText(`GITHUB_TOKEN=${GITHUB}`, 'userData');
    expect(findings.map((f) => f.kind)).toEqual(['github-token']);
  });

  it('keeps a long single line fast enough and bounded', () => {
    const text = `${'A'.repeat(200_000)} password=abcd1234efgh`;
    expect(detectSecretsInText(text).map((f) => f.kind)).toEqual(['password-assignment']);
  });
});

describe('detectSecretsInVariables', () => {
  it('flags secret-like names with literal values and value-shaped secrets', () => {
    const findings = detectSecretsInVariables({
      DB_PASSWORD: DB_PASSWORD,
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      SLACK_HOOK: 'https://hooks.slack.com/services/T0ABCDEFG/B0ABCDEFG/abcdefghijklmnop1234',
      stripeApiKey: STRIPE,
      LOG_LEVEL: 'debug',
      DB_PASSWORD_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db',
      JWT_SECRET_NAME: 'prod/jwt',
      TOKEN_TTL: '3600',
      SESSION_TOKEN: '',
    });
    expect(findings.map((f) => [f.location, f.kind])).toEqual([
      ['env:DB_PASSWORD', 'password-assignment'],
      ['env:AWS_ACCESS_KEY_ID', 'aws-access-key-id'],
      ['env:AWS_SECRET_ACCESS_KEY', 'aws-secret-access-key'],
      ['env:SLACK_HOOK', 'slack-webhook'],
      ['env:stripeApiKey', 'stripe-live-key'],
    ]);
  });

  it('returns nothing for ordinary configuration', () => {
    expect(
      detectSecretsInVariables({ NODE_ENV: 'production', TABLE_NAME: 'orders', SECRET_ID: 'prod/db', PASSWORD_MIN_LENGTH: '12' }),
    ).toEqual([]);
  });
});

describe('secret values never leave the detector', () => {
  const values = [KEY_ID, SECRET_KEY, GITHUB, SLACK, STRIPE, DB_PASSWORD, 'pa55word', 'hunter2hunter2'];
  const text = [
    `export AWS_ACCESS_KEY_ID=${KEY_ID}`,
    `export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`,
    `GITHUB_TOKEN=${GITHUB}`,
    `SLACK=${SLACK}`,
    `STRIPE=${STRIPE}`,
    `DB_PASSWORD='${DB_PASSWORD}'`,
    'DATABASE_URL=mysql://root:pa55word@db:3306/app',
    'password: hunter2hunter2',
  ].join('\n');

  function assertNoValue(output: unknown): void {
    const json = JSON.stringify(output);
    for (const value of values) {
      expect(json).not.toContain(value);
      // Not even a recognisable tail of it.
      expect(json).not.toContain(value.slice(-8));
    }
  }

  it('in text findings', () => {
    const findings = detectSecretsInText(text, 'userData');
    expect(findings.length).toBeGreaterThanOrEqual(8);
    assertNoValue(findings);
  });

  it('in variable findings', () => {
    const findings = detectSecretsInVariables(Object.fromEntries(text.split('\n').map((line, i) => [`VAR_${i}_PASSWORD`, line])));
    expect(findings.length).toBeGreaterThanOrEqual(7);
    assertNoValue(findings);
  });
});
