import { simpleGetAll } from '../../helpers/list';

export const { description, execute } = simpleGetAll('tag', '/api/v1/tags');
