/** The review part's tables (migrations/0010_challenge_reviews.sql), merged into the application's DB type. */
declare module '../../platform/db/schema.js' {
  interface DB {
  }
}

export {};
