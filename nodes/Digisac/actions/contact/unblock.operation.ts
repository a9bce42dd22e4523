import { blockOperation } from './block';

export const { description, execute } = blockOperation('unblock');
