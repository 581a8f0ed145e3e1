/** Ask/tell learner algorithms and their loss functions, as specified by python-adaptive v1.5.2. */
package io.adaptive.runtime.learn;
