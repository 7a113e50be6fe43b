import type { Rule } from '../rule';
import { missingStakeholder } from './missing-stakeholder';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { unstatedContribution } from './unstated-contribution';
import { vagueAmbition } from './vague-ambition';

/** Every rule, in the order their findings are reported. */
export const RULES: Rule[] = [missingStakeholder, vagueAmbition, unstatedContribution, unfilledPlaceholder];
