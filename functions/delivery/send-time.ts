/** Kept for the entry points that import it from here; the rule lives in shared/domain/send-time.ts. */
export { sendTimeOf } from '../../shared/domain/send-time.ts';
