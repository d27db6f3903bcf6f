import type { FieldIssue } from '../errors/liebian-error.js';
import { isLiebianError } from '../errors/liebian-error.js';
import { defineCampaign } from './define-campaign.js';

/** The issues `defineCampaign` reports for an invalid input (fails the test if it is accepted). */
export function campaignIssues(input: unknown): readonly FieldIssue[] {
  try {
    defineCampaign(input);
  } catch (error) {
    if (isLiebianError(error, 'invalid-campaign')) return error.issues;
    throw error;
  }
  throw new Error('expected the campaign to be rejected');
}
