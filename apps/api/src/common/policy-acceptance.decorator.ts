import { SetMetadata } from '@nestjs/common';

export const OPEN_BEFORE_POLICY_ACCEPTANCE = 'steward:open-before-policy-acceptance';

/**
 * Open to a signed-in user who has not yet accepted the current privacy policy: reading and
 * accepting it, and what a person must always be able to do (sign out, see or take their
 * data). Routes open before MFA enrolment are open here too.
 */
export const OpenBeforePolicyAcceptance = () => SetMetadata(OPEN_BEFORE_POLICY_ACCEPTANCE, true);
