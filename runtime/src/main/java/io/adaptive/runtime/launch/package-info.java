/** The worker role: how a job relaunches the user's program, proves its plan, and runs one learner. */
package io.adaptive.runtime.launch;
