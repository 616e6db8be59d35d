import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Credential } from '../../src/core/contracts.ts';
import { describeExport, maskCredentials, planExport, type ExportPlanInput } from '../../src/core/export-plan.ts';

const iam: Credential = { kind: 'iam-token', secret: 't1.abc', authorization: 'Bearer t1.abc', expiresAt: undefined, obtainedAt: new Date(0) };
const apiKey: Credential = { kind: 'api-key', secret: 'AQVNkey', authorization: 'Api-Key AQVNkey', expiresAt: undefined, obtainedAt: new Date(0) };
const base: ExportPlanInput = { mode: 'pointer', trusted: true, credential: iam, folderId: 'b1gfolder', pointerAddress: '127.0.0.1:5000/p', inheritedEnv: {} };

describe('planExport', () => {
  it('pointer mode exports the token server address and the folder, never the token', () => {
    assert.deepEqual(planExport(base), { YC_METADATA_ADDR: '127.0.0.1:5000/p', YC_FOLDER_ID: 'b1gfolder' });
  });

  it('an API key is exported as YC_API_KEY in pointer mode too', () => {
    assert.deepEqual(planExport({ ...base, credential: apiKey }), { YC_API_KEY: 'AQVNkey', YC_FOLDER_ID: 'b1gfolder' });
  });

  it('token mode exports the IAM token itself', () => {
    assert.deepEqual(planExport({ ...base, mode: 'token', folderId: undefined }), { YC_IAM_TOKEN: 't1.abc' });
  });

  it('off mode, Restricted Mode, no credential and NoAuth export nothing', () => {
    assert.deepEqual(planExport({ ...base, mode: 'off' }), {});
    assert.deepEqual(planExport({ ...base, trusted: false }), {});
    assert.deepEqual(planExport({ ...base, credential: undefined }), {});
    assert.deepEqual(planExport({ ...base, credential: { ...iam, kind: 'none', secret: '', authorization: '' } }), {});
  });

  it('blanks inherited variables the SDK would check before ours, and only those', () => {
    const inheritedEnv = { YC_API_KEY: 'old', YC_IAM_TOKEN: 't1.old', YC_OAUTH_TOKEN: 'y0_old', YC_TOKEN: 'x' };
    assert.deepEqual(planExport({ ...base, folderId: undefined, inheritedEnv }), {
      YC_METADATA_ADDR: '127.0.0.1:5000/p', YC_API_KEY: '', YC_IAM_TOKEN: '', YC_OAUTH_TOKEN: '',
    });
    assert.deepEqual(planExport({ ...base, mode: 'token', folderId: undefined, inheritedEnv }), { YC_IAM_TOKEN: 't1.abc', YC_API_KEY: '' });
    assert.deepEqual(planExport({ ...base, credential: apiKey, folderId: undefined, inheritedEnv }), { YC_API_KEY: 'AQVNkey' });
    assert.deepEqual(planExport({ ...base, folderId: undefined, inheritedEnv: { YC_API_KEY: '  ' } }), { YC_METADATA_ADDR: '127.0.0.1:5000/p' });
  });

  it('falls back to the token when the pointer server is not running', () => {
    assert.deepEqual(planExport({ ...base, pointerAddress: undefined, folderId: undefined }), { YC_IAM_TOKEN: 't1.abc' });
  });
});

describe('describeExport', () => {
  it('names variables, marks blanked ones, and says nothing when empty', () => {
    assert.equal(describeExport({ YC_METADATA_ADDR: 'x', YC_API_KEY: '' }), 'YC_METADATA_ADDR, YC_API_KEY (blanked)');
    assert.equal(describeExport({}), 'nothing');
  });
});

describe('maskCredentials', () => {
  it('masks credential values, keeps the pointer, the folder and blanked names', () => {
    assert.deepEqual(maskCredentials({ YC_API_KEY: 'AQVNkey', YC_IAM_TOKEN: '', YC_METADATA_ADDR: '127.0.0.1:1/p', YC_FOLDER_ID: 'b1g' }), {
      YC_API_KEY: '[redacted]', YC_IAM_TOKEN: '', YC_METADATA_ADDR: '127.0.0.1:1/p', YC_FOLDER_ID: 'b1g',
    });
  });
});
