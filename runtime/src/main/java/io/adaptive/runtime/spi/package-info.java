/** What a backend implements and may see: jobs to start, their states, and how to cancel them. */
package io.adaptive.runtime.spi;
