import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { boot } from '../platform/boot.js';

/**
 * The platform's command line: `npm run biomfg -- <command>`.
 * Reads DATABASE_URL / DATA_DIR like the server does.
 */
const usage = `用法 Usage: npm run biomfg -- <command>
  audit verify     检查审计日志哈希链 Check the audit log's hash chain; names the first broken row
  migrate          执行数据库迁移 Apply database migrations
  seed [--demo]    迁移并载入行动计划（及示例数据）Migrate and load the plan (and demo data)
  match --demands FILE --supplies FILE [--limit N] [--reverse]
                   需求与成果/中试能力匹配，JSON 输入输出 Rank supplies per demand (or demands per supply), JSON in and out
  seq identify --db REF.fasta[.gz]|INDEX --query Q.fasta[.gz] [--top N] [--k K] [--marker 16S|ITS|other]
                   序列鉴定，输出 JSON Identify sequences against references, JSON out
  seq index --db REF.fasta[.gz] --out FILE [--k K]
                   构建并保存序列索引 Build and save the index (usable as --db)
  epcis validate FILE [FILE…]
                   按 EPCIS 2.0 标准校验文档 Validate EPCIS 2.0 documents (JSON / JSON-LD) offline`;

async function main(args: string[]): Promise<number> {
  const config = loadConfig(process.env, args);
  const [command, sub] = args;
  if (command === 'audit' && sub === 'verify') {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const r = await verifyAuditChain(database.db);
      if (r.ok) {
        console.log(`审计链完整 Audit chain intact: ${r.rows} rows (${database.describe})`);
        return 0;
      }
      console.error(`审计链断裂 Audit chain broken at row ${r.firstBroken!.id}: ${r.firstBroken!.reason}`);
      return 1;
    } finally {
      await database.close();
    }
  }
  if (command === 'migrate') {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrate(database.db);
      console.log(applied.length ? `已执行 Applied: ${applied.join(', ')}` : '数据库已是最新 Database is up to date');
      return 0;
    } finally {
      await database.close();
    }
  }
  if (command === 'seed') {
    const r = await boot(config);
    console.log(`行动计划第 ${r.planVersion} 版${r.planCreated ? '已载入 loaded' : '无变化 unchanged'} · Plan version ${r.planVersion}`);
    if (r.admin.generatedPassword) console.log(`管理员 admin 密码 password (只显示一次 shown once): ${r.admin.generatedPassword}`);
    if (r.demo) console.log(`示例数据 Demo records: ${r.demo.records}`);
    await r.database.close();
    return 0;
  }
  if (command === 'match') {
    const { contentWords } = await import('../platform/search/segmenter.js');
    const { runMatchCli } = await import('@cq-biomfg/match');
    return runMatchCli(args.slice(1), (t) => contentWords(t), { write: (t) => process.stdout.write(t), error: (t) => process.stderr.write(t) });
  }
  if (command === 'seq') {
    const { runSeqCli } = await import('@cq-biomfg/seqid');
    return runSeqCli(args.slice(1), { write: (t) => process.stdout.write(t), error: (t) => process.stderr.write(t) });
  }
  if (command === 'epcis') {
    const { runEpcisCli } = await import('@cq-biomfg/epcis');
    return runEpcisCli(args.slice(1), { write: (t) => process.stdout.write(t), error: (t) => process.stderr.write(t) });
  }
  console.error(usage);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
