import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../test/harness.js';
import { multipart } from '../../modules/supervision/test/fixture.js';

/** Who reads an attachment: its uploader, the organisation it was uploaded for, and the task force. */
describe.each(testDatabases)('attachments on $name', (kind) => {
  const h = useHarness(kind, { seed: false });
  let as: Record<'loneA' | 'loneB' | 'admin', Awaited<ReturnType<typeof h.login>>>;

  beforeAll(async () => {
    // Two accounts that belong to no organisation (an expert may have none).
    await h.user('lone.a', ['expert']);
    await h.user('lone.b', ['expert']);
    await h.user('files.admin', ['admin']);
    as = { loneA: await h.login('lone.a'), loneB: await h.login('lone.b'), admin: await h.login('files.admin') };
  });

  it('are never shared between two users who both have no organisation', async () => {
    const up = multipart('意见.pdf', Buffer.from('%PDF-1.4 private'), 'application/pdf');
    const file = (await as.loneA.post('/api/files', up.payload, up.headers)).json();
    expect((await as.loneA.get(`/api/files/${file.id}`)).body).toBe('%PDF-1.4 private');
    expect((await as.loneB.get(`/api/files/${file.id}`)).statusCode).toBe(403);
    expect((await as.admin.get(`/api/files/${file.id}`)).statusCode).toBe(200);
  });
});
