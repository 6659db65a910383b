// The monitoring engine's API is exported here (packages/monitor/README.md).
export {};
