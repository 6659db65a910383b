import { loadConfig } from './config.js';
import { boot } from './platform/boot.js';
import { buildApp } from './app.js';
import { systemCtx } from './platform/context/ctx.js';
import { mailerFrom } from './modules/supervision/notifications.js';
import { startMqtt } from './modules/factory/mqtt.start.js';

const config = loadConfig();
const started = Date.now();
const report = await boot(config).catch((e: Error) => {
  // A start-up refusal (a changed migration, a weak ADMIN_PASSWORD …) is said plainly, without a stack.
  process.stderr.write(`启动失败 Start-up failed: ${e.message}${'details' in e ? ' ' + JSON.stringify((e as { details: unknown }).details) : ''}\n`);
  process.exit(1);
});
const { app, services } = await buildApp({
  ...config,
  database: report.database,
  webDir: config.webDir,
  mailer: mailerFrom(config),
  logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
});

if (report.admin.generatedPassword) {
  // Printed once, on the console only, never through the logger.
  process.stdout.write(`\n  管理员账户已创建 · Administrator created\n  用户名 username: admin\n  密码 password:   ${report.admin.generatedPassword}\n  （只显示这一次 · shown only this once）\n\n`);
}
app.log.info({ database: report.database.describe, migrations: report.migrationsApplied, planVersion: report.planVersion, demo: report.demo }, 'database ready');

// The hourly pass, also soon after start: reminders, and list items that lapsed marked expired
// (readers already see them so). Each reminder and each expiry is made once, so running often is safe.
const remind = async () => {
  await services.supervision.reminders.run(systemCtx('reminders'))
    .then((r) => { if (r.reminders || r.mail.sent || r.mail.recorded || r.mail.failed) app.log.info(r, 'reminders'); })
    .catch((e: Error) => app.log.error({ err: e.message }, 'reminder pass failed'));
  await services.pilot.lists.sweepExpired()
    .then((r) => { if (r.demands || r.achievements) app.log.info(r, 'pilot items expired'); })
    .catch((e: Error) => app.log.error({ err: e.message }, 'pilot expiry pass failed'));
};
const reminderTimer = setInterval(remind, 60 * 60 * 1000);
reminderTimer.unref();
// The first pass waits until the server is up, so it never delays readiness.
setTimeout(() => void remind(), 10_000).unref();

let mqtt: { close(): Promise<void> } | null = null;
const close = async () => {
  clearInterval(reminderTimer);
  await mqtt?.close().catch(() => {});
  await app.close();
  await report.database.close();
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);

await app.listen({ port: config.port, host: config.host });
// Sensor readings by MQTT (the smart factory): the embedded broker, or a subscription to MQTT_URL.
mqtt = await startMqtt(config.mqtt, { database: report.database, factory: services.factory, principalFromToken: services.auth.principalFromToken, log: app.log });
app.log.info({ ms: Date.now() - started }, `cq-biomfg listening on http://localhost:${config.port}`);
