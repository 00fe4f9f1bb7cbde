import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import type { Table } from './table.ts';

/** The click redirect's one store: every click in every mail lands on it, so nothing else is loaded. */
export const clickStore = ({ doc, tableName }: Table) => dynamoClickStore(doc, tableName);
