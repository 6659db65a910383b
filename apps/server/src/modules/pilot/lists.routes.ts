import type { FastifyInstance } from 'fastify';
import type { PilotServices } from './index.js';

// Placeholder until this part of the pilot module is written.
export async function listRoutes(_app: FastifyInstance, _s: PilotServices) {}
