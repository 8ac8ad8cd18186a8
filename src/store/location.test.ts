import { describe, expect, it } from 'vitest';
import { storeLocation, terminalSafe } from '../cli/store-access.js';
import { defaultDbFile, describeLocation, redactDbUrl, resolveDbLocation } from './location.js';

describe('store location', () => {
  it('defaults to the XDG data directory, ignoring a relative XDG_DATA_HOME', () => {
    expect(defaultDbFile({ XDG_DATA_HOME: '/data' }, '/home/u')).toBe('/data/ftr-ready/ftr.db');
    expect(defaultDbFile({}, '/home/u')).toBe('/home/u/.local/share/ftr-ready/ftr.db');
    expect(defaultDbFile({ XDG_DATA_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/share/ftr-ready/ftr.db');
  });

  it('reads --db as a file or a postgres URL, and refuses other URLs without echoing a password', () => {
    expect(resolveDbLocation('/tmp/a.db')).toEqual({ engine: 'sqlite', file: '/tmp/a.db' });
    expect(resolveDbLocation('postgresql://u:p@h:5/d')).toEqual({ engine: 'postgres', url: 'postgresql://u:p@h:5/d' });
    expect(() => resolveDbLocation('mysql://root:pw@localhost/x')).toThrow(/only a SQLite file path or a postgres:\/\/ URL is supported \(got "mysql:\/\/root:\*\*\*@localhost\/x"\)/);
    expect(redactDbUrl('postgres://ftr:s3cr@t:x@127.0.0.1:5432/db')).toBe('postgres://ftr:***@127.0.0.1:5432/db');
    expect(redactDbUrl('postgres://127.0.0.1/db')).toBe('postgres://127.0.0.1/db');
    expect(describeLocation({ engine: 'postgres', url: 'postgres://a:b@h/d' })).toBe('postgres://a:***@h/d');
  });

  it('takes --db, then FTR_DB, then the default file', () => {
    const env = { XDG_DATA_HOME: '/data', FTR_DB: 'postgres://u:p@h/d' };
    expect(storeLocation('/x.db', env)).toEqual({ engine: 'sqlite', file: '/x.db' });
    expect(storeLocation(true, env)).toEqual({ engine: 'postgres', url: 'postgres://u:p@h/d' });
    expect(storeLocation(undefined, { XDG_DATA_HOME: '/data' })).toEqual({ engine: 'sqlite', file: '/data/ftr-ready/ftr.db' });
  });

  it('neutralises control characters for the terminal', () => {
    expect(terminalSafe('a\u001b[31mb\nc\u0007')).toBe('a?[31mb?c?');
  });
});
