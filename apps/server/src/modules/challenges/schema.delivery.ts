/** The delivery part's tables (migrations/0011_challenge_delivery.sql), merged into the application's DB type. */
declare module '../../platform/db/schema.js' {
  interface DB {
  }
}

export {};
