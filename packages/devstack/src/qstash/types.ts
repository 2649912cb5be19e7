/** A message waiting for (another) delivery attempt. Persisted as-is, so only JSON-safe fields. */
export interface StoredMessage {
  messageId: string;
  /** Orders messages of one queue across restarts (createdAt can tie). */
  sequence: number;
  url: string;
  method: string;
  /** Headers delivered to the destination: Upstash-Forward-* already unprefixed, plus Content-Type. */
  headers: [string, string][];
  bodyBase64: string;
  maxRetries: number;
  /** Deliveries already retried; sent as Upstash-Retried on the next attempt. */
  retried: number;
  /** Unix ms before which the next attempt must not start. */
  notBefore: number;
  createdAt: number;
  timeoutMs: number;
  queueName?: string;
  scheduleId?: string;
  deduplicationId?: string;
  callback?: string;
  /** Upstash-Callback-Forward-* headers, unprefixed, for the callback message. */
  callbackHeaders?: [string, string][];
  failureCallback?: string;
  failureCallbackHeaders?: [string, string][];
  labels?: string[];
}

/** What the destination answered on one attempt (or why it could not answer). */
export interface AttemptResult {
  status?: number;
  header?: Record<string, string[]>;
  body?: string;
  error?: string;
}

export interface DeadLetter extends StoredMessage {
  dlqId: string;
  responseStatus?: number;
  responseHeader?: Record<string, string[]>;
  responseBody?: string;
  /** Network error or timeout of the last attempt, when there was no response. */
  error?: string;
  /** Unix ms when the message gave up. */
  failedAt: number;
}

export interface ScheduleRecord {
  scheduleId: string;
  cron: string;
  destination: string;
  method: string;
  headers: [string, string][];
  bodyBase64: string;
  retries: number;
  /** Seconds added to each fired message's delivery time. */
  delay: number;
  timeoutMs: number;
  createdAt: number;
  isPaused: boolean;
  queueName?: string;
  callback?: string;
  callbackHeaders?: [string, string][];
  failureCallback?: string;
  failureCallbackHeaders?: [string, string][];
  labels?: string[];
  lastScheduleTime?: number;
}

export interface QueueRecord {
  name: string;
  parallelism: number;
  paused: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface DedupEntry {
  key: string;
  messageId: string;
  url: string;
  expiresAt: number;
}

export type Log = (line: string) => void;
