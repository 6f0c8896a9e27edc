export { judge, describeMismatches } from './judge.js';
