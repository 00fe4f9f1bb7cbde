import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import type { SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import { withDirectory } from '../../usecases/subscribers/with-directory.ts';
import { memorySubscriberDirectory } from './subscriber-directory.ts';
import { memorySubscriberStore } from './subscriber-store.ts';

/** The subscriber store every writer uses, with its search directory, as `dynamoSubscribers` builds it. */
export const memorySubscribers = (
  directory: SubscriberDirectory = memorySubscriberDirectory(),
): SubscriberStore => withDirectory(memorySubscriberStore(), directory);
