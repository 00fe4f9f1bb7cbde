import type { LogFields, Logger } from '../../ports/logger.ts';

type Level = 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 };

/** One JSON object per line: CloudWatch Logs Insights and `jq` read it as it is. */
export const createJsonLogger = ({
  service,
  level = 'info',
  write = (line: string) => process.stdout.write(line),
}: {
  service: string;
  level?: Level | 'silent';
  write?: (line: string) => void;
}): Logger => {
  const log =
    (at: Level) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[at] < RANK[level]) return;
      write(
        `${JSON.stringify({ level: at, time: new Date().toISOString(), service, message, ...serialise(fields) })}\n`,
      );
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
};

const serialise = (fields: LogFields): LogFields =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) =>
      value instanceof Error
        ? [key, { name: value.name, message: value.message, stack: value.stack }]
        : [key, value],
    ),
  );
