import { fileURLToPath } from 'node:url';

/** Everything the server reads from its environment and command line, in one place. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… ; absent: the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  sessionTtlHours: number;
  logLevel: string;
  /** SMTP for reminder mail; without it the outbox only records. */
  smtpUrl?: string;
  smtpFrom?: string;
  secureCookies: boolean;
  webDir: string;
  demo: boolean;
  bodyLimitBytes: number;
  /** MQTT for sensor readings: an external broker (MQTT_URL) or the embedded one on mqttPort (null: off). */
  mqtt: { url?: string; username?: string; password?: string; clientId?: string; port: number | null; host?: string };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data/db',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || undefined,
    secureCookies: env.COOKIE_SECURE === 'true',
    webDir: env.WEB_DIR ?? fileURLToPath(new URL('../../web/dist/', import.meta.url)),
    demo: argv.includes('--demo') || env.DEMO === 'true',
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    mqtt: {
      url: env.MQTT_URL || undefined,
      username: env.MQTT_USERNAME || undefined,
      password: env.MQTT_PASSWORD || undefined,
      // The external broker keeps this client's session (unacknowledged readings); one id per server.
      clientId: env.MQTT_CLIENT_ID || undefined,
      // MQTT_PORT=off: no embedded broker; 0: any free port (logged).
      port: env.MQTT_PORT === 'off' ? null : Number(env.MQTT_PORT ?? 1883),
      host: env.MQTT_HOST || env.HOST || undefined,
    },
  };
}
