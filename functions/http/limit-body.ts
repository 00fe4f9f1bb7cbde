import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from './problem.ts';

/**
 * 413 for a body over `maxBytes`, whether it declares its length or streams it chunked: Hono's bodyLimit
 * counts the bytes as they arrive and stops reading, so later middleware and the handler never run.
 */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(
        413,
        'body-too-large',
        'The body is too large',
        `The request body must be at most ${maxBytes} bytes.`,
        {
          maxBytes,
        },
      );
    },
  });
