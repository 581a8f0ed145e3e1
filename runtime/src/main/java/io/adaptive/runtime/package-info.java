/** Running a plan: the {@link io.adaptive.runtime.Runner}, its settings, listeners and results. */
package io.adaptive.runtime;
