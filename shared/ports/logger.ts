export type LogFields = Record<string, unknown>;

/** Structured logs with the ids that matter (issue, campaign, subscriber id), never an address. */
export type Logger = {
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
};
