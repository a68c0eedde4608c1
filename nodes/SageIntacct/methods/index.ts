import { listSearch as lists } from './listSearch';
import { searchRestObjects } from './restObjects';

export const listSearch = { ...lists, searchRestObjects };
