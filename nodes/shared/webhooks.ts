import type { IHookFunctions } from 'n8n-workflow';

type LifecycleStep = (context: IHookFunctions) => Promise<boolean>;

/**
 * n8n's `webhookMethods` for a webhook trigger whose registration steps take the hook context as
 * their argument (trigger/registration.ts of each service).
 */
export function webhookLifecycle(steps: {
	checkExists: LifecycleStep;
	create: LifecycleStep;
	delete: LifecycleStep;
}) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await steps.checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await steps.create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await steps.delete(this);
			},
		},
	};
}
