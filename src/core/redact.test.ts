import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

describe('redact', () => {
  it.each([
    ['key AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['password=hunter2hunter2', 'hunter2hunter2'],
    ['https://x/?X-Amz-Security-Token=FQoGZXIvYXdzEJr&X-Amz-Signature=abc', 'FQoGZXIvYXdzEJr'],
  ])('removes the secret from %s', (input, secret) => {
    expect(redact(input)).not.toContain(secret);
  });

  it('keeps ordinary text, ARNs and account ids', () => {
    const text = 'User arn:aws:iam::123456789012:role/FtrReadOnly is not authorized to perform s3:GetBucketPolicy';
    expect(redact(text)).toBe(text);
  });
});
