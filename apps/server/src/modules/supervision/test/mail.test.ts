import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { mailerFrom } from '../notifications.js';

/** The mailer speaks real SMTP when configured: a local SMTP server receives what it sends. */
describe('mail through SMTP', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => { data += c.toString('utf8'); });
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends to the SMTP server named by SMTP_URL, from SMTP_FROM', async () => {
    const mailer = mailerFrom({ smtpUrl: `smtp://127.0.0.1:${port}`, smtpFrom: 'cq-biomfg <noreply@cq-biomfg.test>' });
    expect(mailer.kind).toBe('smtp');
    await mailer.send({ to: 'unit@example.cn', subject: '【重庆生物制造平台】进展报告 3 天后截止', text: '请按时报送 Please report on time' });
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('noreply@cq-biomfg.test');
    expect(received[0].to).toEqual(['unit@example.cn']);
    expect(received[0].data).toContain('Please report on time');
  });

  it('only records when SMTP is not configured', async () => {
    const mailer = mailerFrom({});
    expect(mailer.kind).toBe('record');
    await mailer.send({ to: 'x@example.cn', subject: 's', text: 't' });
    expect(received).toHaveLength(1);
  });
});
