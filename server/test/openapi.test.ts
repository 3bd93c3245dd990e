// @vitest-environment node
/** `/v1/openapi.json` documents every route of the app, generated from the lib/schema zod schemas. */
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/openapi';
import { setup, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});

describe('OpenAPI document', () => {
  it('lists every route the app serves, with its method, and is valid OpenAPI 3.1 shape', async () => {
    const e = await setup('sqlite');
    open.push(e.ts);
    const r = await e.api.req('GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const served = e.api.app.routes
      .filter((x) => x.method !== 'ALL')
      .map((x) => `${x.method.toLowerCase()} ${x.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    const documented = Object.entries(r.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(served.length).toBeGreaterThanOrEqual(16);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
    expect(ROUTES).toHaveLength(documented.length);
  });

  it('request schemas are strict (additionalProperties false) and carry the mutation args', async () => {
    const e = await setup('sqlite');
    open.push(e.ts);
    const doc = (await e.api.req('GET', '/v1/openapi.json')).body;
    const push = doc.paths['/v1/sync/push'].post.requestBody.content['application/json'].schema;
    expect(push.additionalProperties).toBe(false);
    expect(push.required).toEqual(expect.arrayContaining(['deviceId', 'mutations']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['MutationArgs.createCapture', 'MutationArgs.shareCapture', 'MutationArgs.updateCapture']));
    expect(doc.components.schemas['MutationArgs.updateCapture'].properties.set.properties).toHaveProperty('followUp');
  });
});
