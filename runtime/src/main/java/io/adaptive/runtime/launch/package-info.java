/** The worker role: how a job relaunches the user's program, proves its plan, and runs one learner, with evaluator tasks in jobs of several. */
package io.adaptive.runtime.launch;
