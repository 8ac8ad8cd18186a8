import { describe, expect, it } from 'vitest';
import { detectSecretsInText, detectSecretsInVariables } from './secret-detection.js';

// Fake, made-up values shaped like real credentials. None of them is valid anywhere.
const KEY_ID = 'AKIA2OGYBAH6TQWERT12';
const SECRET_KEY = 'q8Zr3vT0nW5yB2mK9pL4xC7hD1fG6jS0aE3uR8oI';
const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}x9Y8z7`;
const SLACK = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
const STRIPE = 'sk_live_51HqLyjWDarjtT1zdp7dc';
const GITLAB = 'glpat-Zx81Qw7Er6Ty5Ui4Op3A';
const DB_PASSWORD = 'Tr0ub4dor&3-horse';
const API_KEY_USER = 'Qk7Lm2Zp9Xw4Rt6Yv1Nb';
const PRIVATE_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACCq3Qk8Qh1VhYk2bYh0y7yXZmRuz8mJ1YbN9G5x4+0PoAAAAJhX0m8VV9Jv',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

const kindsIn = async (text: string): Promise<string[]> => (await detectSecretsInText(text, 'userData')).map((f) => f.kind);

describe('detectSecretsInText', () => {
  it.each([
    ['access key id', `export AWS_ACCESS_KEY_ID=${KEY_ID}`, 'aws-access-key-id'],
    ['secret key named with =', `AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`, 'aws-secret-access-key'],
    ['secret key next to a key id', `aws_access_key_id = ${KEY_ID}\nfoo = ${SECRET_KEY}`, 'aws-secret-access-key'],
    ['secret key named as such', `aws configure set aws_secret_access_key ${SECRET_KEY}`, 'aws-secret-access-key'],
    ['OpenSSH private key', PRIVATE_KEY, 'private-key'],
    ['password assignment', 'export DB_PASSWORD="hunter2hunter2"', 'password-assignment'],
    ['yaml password', '  password: s3cr3tValue', 'password-assignment'],
    ['json token', '{"api_token": "abcdef123456"}', 'token-assignment'],
    ['cli flag', 'mysql --password s3cr3tValue -h db', 'password-assignment'],
    ['cli flag with =', 'app --client-secret=abcdEFGH1234', 'secret-assignment'],
    ['api key', 'STRIPE_API_KEY=abcd1234efgh', 'api-key-assignment'],
    ['connection string', 'DATABASE_URL=postgres://admin:pa55word@db.internal:5432/app', 'connection-string-credentials'],
    ['github token', `git clone https://${GITHUB}@github.com/acme/app.git`, 'github-token'],
    ['github token as the user of a URL', `git clone https://${GITHUB}:x-oauth-basic@github.com/acme/app.git`, 'github-token'],
    ['an API key as the user of a URL', `curl https://${API_KEY_USER}:X@api.vendor.example.net/v1/items`, 'connection-string-credentials'],
    ['a short API key as the user of a URL', 'curl https://APIKEY:X@host', 'connection-string-credentials'],
    ['URL credentials of any scheme', 'amqp://app:Sup3rS3cret@mq.internal:5672/', 'connection-string-credentials'],
    ['URL password containing the word password', 'https://admin:MyPassword123@jenkins.internal/job', 'connection-string-credentials'],
    ['a password nested in a value', 'CONFIG=password=hunter2', 'password-assignment'],
    ['mysql -p', 'mysql -uroot -phunter2 -h db.internal app < /tmp/schema.sql', 'password-assignment'],
    ['mysqldump -p quoted', "mysqldump -u admin -p'hunter2' app > dump.sql", 'password-assignment'],
    ['slack token', `SLACK=${SLACK}`, 'slack-token'],
    ['stripe live key', `key ${STRIPE}`, 'stripe-live-key'],
    ['gitlab token', `TOKEN_VALUE ${GITLAB}`, 'gitlab-token'],
  ])('finds %s', async (_name, text, kind) => {
    expect(await kindsIn(text)).toContain(kind);
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
    ['URL with a user from a variable', 'https://${GIT_USER}:${GIT_TOKEN}@git.internal/app.git'],
    ['ssh URL with a user', 'git clone ssh://git@github.com/acme/app.git'],
    ['docs placeholder URL', 'https://user:password@host.example.org'],
    ['public key', '-----BEGIN PUBLIC KEY-----'],
    ['shell PWD', 'PWD=/home/ec2-user'],
    ['mysql prompting for the password', 'mysql -u root -p -h db.internal'],
    ['mysql password from a variable', 'mysql -uroot -p"$MYSQL_PWD" app'],
    ['an AWS account id', 'AWS_ACCOUNT_ID=123456789012'],
  ])('ignores %s', async (_name, text) => {
    expect(await detectSecretsInText(text, 'userData')).toEqual([]);
  });

  it('a secretlint-disable comment does not hide a secret', async () => {
    expect(await kindsIn(`export GITHUB_TOKEN=${GITHUB} # secretlint-disable-line`)).toEqual(['github-token']);
  });

  it('reports 1-based line locations and does not repeat the same finding', async () => {
    const findings = await detectSecretsInText(`#!/bin/bash\necho hi\nexport API_TOKEN=abcd1234efgh\nexport API_TOKEN=abcd1234efgh`, 'userData');
    expect(findings).toEqual([
      { location: 'userData:line 3', kind: 'token-assignment', hint: 'API_TOKEN set to a literal value' },
      { location: 'userData:line 4', kind: 'token-assignment', hint: 'API_TOKEN set to a literal value' },
    ]);
  });

  it('prefers the specific kind over a generic assignment for the same value', async () => {
    expect(await kindsIn(`GITHUB_TOKEN=${GITHUB}`)).toEqual(['github-token']);
  });

  it('hints say what and where with fixed words: a public type prefix at most, the URL host, never the user part', async () => {
    const findings = await detectSecretsInText(
      [
        `git clone https://${GITHUB}:x-oauth-basic@github.com/acme/app.git`,
        `export AWS_ACCESS_KEY_ID=${KEY_ID}`,
        'curl https://APIKEY:X@host',
        'mysql -uroot -phunter2',
      ].join('\n'),
      'userData',
    );
    expect(findings).toEqual([
      { location: 'userData:line 1', kind: 'connection-string-credentials', hint: 'https://****@github.com (credentials in a URL)' },
      { location: 'userData:line 1', kind: 'github-token', hint: 'GitHub token (ghp_...)' },
      { location: 'userData:line 2', kind: 'aws-access-key-id', hint: 'AWS access key id (AKIA...)' },
      { location: 'userData:line 3', kind: 'connection-string-credentials', hint: 'https://****@host (credentials in a URL)' },
      { location: 'userData:line 4', kind: 'password-assignment', hint: 'mysql -p with a literal password' },
    ]);
  });

  it('keeps a long single line bounded', async () => {
    const text = `${'A'.repeat(200_000)} password=abcd1234efgh`;
    expect(await kindsIn(text)).toEqual(['password-assignment']);
  });
});

describe('detectSecretsInVariables', () => {
  it('flags secret-like names with literal values and value-shaped secrets', async () => {
    const findings = await detectSecretsInVariables({
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

  it('finds secrets inside values whose names say nothing', async () => {
    const findings = await detectSecretsInVariables({
      CONFIG: 'password=hunter2',
      REPO: `https://${GITHUB}:x-oauth-basic@github.com/acme/app.git`,
      VENDOR_ENDPOINT: 'https://APIKEY:X@host',
      INIT: 'mysql -uroot -phunter2 app',
    });
    expect(findings.map((f) => [f.location, f.kind])).toEqual([
      ['env:CONFIG', 'password-assignment'],
      ['env:REPO', 'connection-string-credentials'],
      ['env:REPO', 'github-token'],
      ['env:VENDOR_ENDPOINT', 'connection-string-credentials'],
      ['env:INIT', 'password-assignment'],
    ]);
  });

  it('returns nothing for ordinary configuration', async () => {
    expect(
      await detectSecretsInVariables({ NODE_ENV: 'production', TABLE_NAME: 'orders', SECRET_ID: 'prod/db', PASSWORD_MIN_LENGTH: '12' }),
    ).toEqual([]);
  });
});

describe('secret values never leave the detector', () => {
  const values = [KEY_ID, SECRET_KEY, GITHUB, SLACK, STRIPE, GITLAB, DB_PASSWORD, API_KEY_USER, 'pa55word', 'hunter2hunter2', 'hunter2'];
  const text = [
    `export AWS_ACCESS_KEY_ID=${KEY_ID}`,
    `export AWS_SECRET_ACCESS_KEY=${SECRET_KEY}`,
    `GITHUB_TOKEN=${GITHUB}`,
    `git clone https://${GITHUB}:x-oauth-basic@github.com/acme/app.git`,
    `SLACK=${SLACK}`,
    `STRIPE=${STRIPE}`,
    `GL=${GITLAB}`,
    `DB_PASSWORD='${DB_PASSWORD}'`,
    'DATABASE_URL=mysql://root:pa55word@db:3306/app',
    `curl https://${API_KEY_USER}:X@api.vendor.example.net/v1`,
    'password: hunter2hunter2',
    'CONFIG=password=hunter2',
    'mysql -uroot -phunter2',
  ].join('\n');

  function assertNoValue(output: unknown): void {
    const json = JSON.stringify(output);
    for (const value of values) {
      expect(json).not.toContain(value);
      // Not even a recognisable part of it: no 6 characters in a row past a public type prefix.
      const prefix = /^(ghp_|AKIA|xoxb-|sk_live_|glpat-)/.exec(value)?.[0] ?? '';
      for (let i = Math.max(0, prefix.length - 5); i + 6 <= value.length; i++) expect(json).not.toContain(value.slice(i, i + 6));
    }
    expect(json).not.toMatch(/\d+[- ]?(chars?|characters?)\b/);
  }

  it('in text findings', async () => {
    const findings = await detectSecretsInText(text, 'userData');
    expect(findings.length).toBeGreaterThanOrEqual(12);
    assertNoValue(findings);
  });

  it('in variable findings', async () => {
    const findings = await detectSecretsInVariables(Object.fromEntries(text.split('\n').map((line, i) => [`VAR_${i}_PASSWORD`, line])));
    expect(findings.length).toBeGreaterThanOrEqual(12);
    assertNoValue(findings);
  });

  it('for many tokens used as the user part of a URL', async () => {
    // A small deterministic generator (no dependency): tokens of 24..60 letters, digits and _.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 60; run++) {
      const length = 24 + next(37);
      const token = Array.from({ length }, () => alphabet[next(alphabet.length)]).join('') + String(run % 10);
      const password = ['x-oauth-basic', 'X', ''][run % 3] ?? '';
      const findings = await detectSecretsInText(`git clone https://${token}:${password}@github.com/acme/app.git`, 'userData');
      const json = JSON.stringify(findings);
      expect(findings.length).toBeGreaterThan(0);
      expect(json).not.toContain(token.slice(4, 10));
      expect(json).not.toContain(String(token.length));
    }
  });
});
