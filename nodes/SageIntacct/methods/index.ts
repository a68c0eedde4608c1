import { listSearch as lists } from './listSearch';
import { searchRestObjects } from './restObjects';
import { getRestObjectCreateFields, getRestObjectUpdateFields } from './restObjectFields';

export const listSearch = { ...lists, searchRestObjects };
export const resourceMapping = { getRestObjectCreateFields, getRestObjectUpdateFields };
