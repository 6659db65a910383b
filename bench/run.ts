/**
 * `npm run bench`: every benchmark, one table each. Needs a build (`npm run build`).
 * BENCH_DATABASE_URL=postgres://… adds the PostgreSQL figures.
 */
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { formatStartup, measureStartup } from './startup.js';
import { formatWebSize, measureWebSize } from './web-size.js';
import { formatSupervision, measureSupervision } from './supervision.js';
import { formatIndustry, measureIndustry } from './industry.js';
import { formatMatch, measureMatch } from './match.js';
import { formatPilot, measurePilot } from './pilot.js';
import { formatAssign, measureAssign } from './assign.js';
import { formatChallenges, measureChallenges } from './challenges.js';
import { formatSeqid, measureSeqid } from './seqid.js';
import { formatEpcisValidate, measureEpcisValidate } from './epcis-validate.js';
import { formatEpcisCapture, measureEpcisCapture } from './epcis-capture.js';
import { formatTrace, measureTrace } from './epcis-trace.js';
import { formatFactoryIngest, measureFactoryIngest } from './factory-ingest.js';
import { formatMonitor, measureMonitor } from './monitor.js';

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('## Cold start to ready\n');
console.log(formatStartup(await measureStartup()));
console.log('\n## Web shell first load\n');
console.log(formatWebSize(measureWebSize(fileURLToPath(new URL('../apps/web/dist/', import.meta.url)))));
console.log('\n## Supervision cockpit at scale\n');
console.log(formatSupervision(await measureSupervision()));
console.log('\n## Industry map at scale\n');
console.log(formatIndustry(await measureIndustry()));
console.log('\n## Pilot matching at scale\n');
console.log(formatPilot(await measurePilot()));
console.log('\n## Pilot matching: engine against BM25 on the judged set\n');
console.log(formatMatch(measureMatch()));
console.log('\n## Reviewer assignment: the engine alone\n');
console.log(formatAssign(measureAssign()));
console.log('\n## Reviewer assignment: the whole use case over the database\n');
console.log(formatChallenges(await measureChallenges()));
console.log('\n## Sequence identification: seqid against BLAST+\n');
console.log(formatSeqid(measureSeqid()));
console.log('\n## EPCIS documents: validation and normalisation\n');
console.log(formatEpcisValidate(measureEpcisValidate()));
console.log('\n## EPCIS capture\n');
console.log(formatEpcisCapture(await measureEpcisCapture()));
console.log('\n## Trace over a million events\n');
console.log(formatTrace(await measureTrace()));
console.log('\n## Sensor readings ingest\n');
console.log(formatFactoryIngest(await measureFactoryIngest()));
console.log('\n## Process monitoring: fault detection\n');
console.log(formatMonitor(measureMonitor()));
